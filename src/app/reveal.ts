// A link that names a scenario, partner set, measure or project opens with that section scrolled into sight.
import type { UrlState } from '../url/codec';

/** The section each link key opens, most specific first (a link naming several shows the first it has). */
const TARGETS: [(u: UrlState) => boolean, string][] = [
  [(u) => u.project !== undefined, '[data-testid="project-details"]'],
  [(u) => u.measure !== undefined, '[data-testid="measure-details"]'],
  [(u) => u.scenario !== undefined, '[data-testid="scenario-panel"]'],
  [(u) => u.allies !== undefined, '[data-testid="allies-preset"]'],
  [(u) => u.projects === true, '[data-testid="projects-panel"]'],
];

/**
 * Scroll the side panel so the section the link is about is in sight. The sections are lazy parts: wait for the
 * element (at most `frames` animation frames, about 10 s) and give up quietly if it never comes.
 */
export function revealLinked(u: UrlState, frames = 600): void {
  const selector = TARGETS.find(([has]) => has(u))?.[1];
  if (!selector) return;
  const tryNow = (left: number) => {
    const target = document.querySelector<HTMLElement>(selector);
    // Rendered and laid out (a scenario panel with its rows, not the empty section).
    if (target && target.getClientRects().length > 0 && (target.textContent ?? '').length > 40) {
      target.scrollIntoView({ block: 'start', behavior: 'instant' });
      return;
    }
    if (left > 0) requestAnimationFrame(() => tryNow(left - 1));
  };
  tryNow(frames);
}
