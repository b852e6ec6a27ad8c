// Messages of the parts that load on first use: their English is a chunk of its own, imported with those parts.
import { moreIfLoaded, registerEnMore, type Lang, type MoreMessages } from './index';
import { enMore } from './messages-en-more';

registerEnMore(enMore);

/** The messages of export controls, projects, scenario, allies, your data, export, about and share in `lang`. */
export const more = (lang: Lang): MoreMessages => moreIfLoaded(lang) ?? enMore;
