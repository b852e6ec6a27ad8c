// axe-core in the page under test: the serious and critical accessibility violations of what is on screen.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One violation as the tests report it: rule, impact, and the first few offending elements. */
export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Run axe-core (WCAG 2.0/2.1 A and AA rules, and best practices) on the page, or on `include` only, and return the
 * serious and critical violations. The script is evaluated through the DevTools protocol, so the page's strict
 * Content-Security-Policy (no inline scripts) does not apply to it and is not weakened for the test.
 */
export async function seriousViolations(page: Page, include?: string): Promise<Violation[]> {
  await page.evaluate(`${axeSource}\n;0`);
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } })
      .axe;
    interface AxeResults {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    }
    const results = await axe.run(include ? { include: [include] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
  }, include ?? null);
}
