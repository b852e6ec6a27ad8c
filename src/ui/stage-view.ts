// The "mine to magnet" cards under the share chart: per stage, China's share, the leaders, the source, the plants.
import { CHINA_ISO3 } from '../config/china';
import { boundShare, stageLines, type StageCell } from '../derive/stages';
import { t, type Lang } from '../i18n';
import { stageLocale } from '../state/selectors';
import { el, safeLink } from './dom';

/** The stage cards for `mineralName`, the figures being the latest up to `year`, in `lang` (English by default). */
export function stageViewSection(
  cells: readonly StageCell[],
  mineralName: string,
  year: number,
  name: (iso3: string) => string,
  lang: Lang = 'en',
): HTMLElement {
  const msg = t(lang).stages;
  const lines = stageLines(cells, year, name, stageLocale(lang));
  return el(
    'section',
    { class: 'stage-view', 'data-testid': 'stage-view', 'aria-label': msg.aria(mineralName) },
    el('h3', {}, msg.heading(mineralName, year)),
    el(
      'ol',
      { class: 'stages' },
      ...cells.map((c, i) => {
        const f = c.figure;
        const china = f?.china ?? null;
        return el(
          'li',
          {
            class: `stage${china !== null && china >= 0.5 ? ' china-led' : ''}`,
            'data-testid': 'stage',
            'data-stage': c.stage,
            'data-year': f ? String(f.year) : '',
            'data-china': china === null ? '' : String(china),
            // The card's text for assistive technology: the same line the PNG draws.
            'aria-label': lines[i] ?? msg.label(c.label),
          },
          el('h4', {}, msg.label(c.label)),
          f
            ? el(
                'p',
                { class: 'stage-china' },
                china === null ? msg.chinaNotNamed : msg.china(boundShare(china, f.bound, stageLocale(lang))),
                el('span', { class: 'muted' }, lang === 'en' ? ` (${f.label})` : `（${f.label}）`),
              )
            : el('p', { class: 'muted' }, msg.noFigure(year)),
          f
            ? el(
                'p',
                { class: 'stage-leaders' },
                f.leaders
                  .filter((l) => !CHINA_ISO3.has(l.iso3))
                  .map((l) => `${name(l.iso3)} ${boundShare(l.share, f.bound, stageLocale(lang))}`)
                  .join(lang === 'en' ? ', ' : '、') || msg.noOther,
              )
            : null,
          el(
            'p',
            { class: 'muted', 'data-testid': 'stage-plants' },
            msg.plants(c.plants, c.stage === 'mining'),
          ),
          f
            ? el(
                'p',
                { class: 'muted source' },
                el(
                  'span',
                  { lang: lang === 'en' ? undefined : 'en' },
                  safeLink(f.source.url, `${f.source.publisher} (${f.source.year})`),
                  `: ${f.measure}`,
                ),
                `${f.approximate ? msg.approximate : ''}${lang === 'en' ? '.' : '。'}`,
              )
            : null,
        );
      }),
    ),
  );
}
