// The "mine to magnet" cards under the share chart: per stage, China's share, the leaders, the source, the plants.
import { CHINA_ISO3 } from '../config/china';
import { boundShare, stageLines, type StageCell } from '../derive/stages';
import { el, safeLink } from './dom';

/** The stage cards for `mineralName`, the figures being the latest up to `year`. */
export function stageViewSection(
  cells: readonly StageCell[],
  mineralName: string,
  year: number,
  name: (iso3: string) => string,
): HTMLElement {
  const lines = stageLines(cells, year, name);
  return el(
    'section',
    { class: 'stage-view', 'data-testid': 'stage-view', 'aria-label': `${mineralName}: mine to magnet` },
    el('h3', {}, `${mineralName}: stage by stage (latest cited figure up to ${year})`),
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
            'aria-label': lines[i] ?? c.label,
          },
          el('h4', {}, c.label),
          f
            ? el(
                'p',
                { class: 'stage-china' },
                china === null ? 'China: not named' : `China ${boundShare(china, f.bound)}`,
                el('span', { class: 'muted' }, ` (${f.label})`),
              )
            : el('p', { class: 'muted' }, `No cited figure up to ${year}.`),
          f
            ? el(
                'p',
                { class: 'stage-leaders' },
                f.leaders
                  .filter((l) => !CHINA_ISO3.has(l.iso3))
                  .map((l) => `${name(l.iso3)} ${boundShare(l.share, f.bound)}`)
                  .join(', ') || 'No other country named.',
              )
            : null,
          el(
            'p',
            { class: 'muted', 'data-testid': 'stage-plants' },
            `${c.plants} ${c.stage === 'mining' ? 'mine' : 'plant'}${c.plants === 1 ? '' : 's'} on the map`,
          ),
          f
            ? el(
                'p',
                { class: 'muted source' },
                safeLink(f.source.url, `${f.source.publisher} (${f.source.year})`),
                `: ${f.measure}${f.approximate ? ', approximate' : ''}.`,
              )
            : null,
        );
      }),
    ),
  );
}
