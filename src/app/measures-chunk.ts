// Entry of the lazily loaded export-controls chunk: the measures panel (with its monthly chart).
export { mountMeasuresPanel } from '../ui/measures-panel';
