// Entry of the lazily loaded projects chunk: the projects panel with its capacity charts.
export { mountProjectsPanel } from '../ui/projects-panel';
