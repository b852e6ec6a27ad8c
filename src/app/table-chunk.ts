// Entry of the lazily loaded table chunk: the table view of the kept sites and drawn flows.
export { mountTableView } from '../ui/table-view';
