// Export-control selectors: which measures the panel lists, what a measure covers, and what counts as controlled.
import { controlsOn, inForceDuringYear, inForceOn, measureCovers, type Trade } from '../derive/controls';
import type { ControlReading, Measure, MeasuresFile } from '../model/measures';
import type { Flow } from '../model/types';
import { t, type Lang } from '../i18n';
import { memo } from './memo';
import { selectYearFlows } from './selectors';
import type { AppState } from './store';

/** Does the view need the measure table now: the controlled reason is on, the controls scenario or a measure is chosen? */
export const selectNeedsMeasures = (s: AppState): boolean =>
  s.filters.reasons.includes('controlled') || s.scenario?.id === 'controls' || s.measure !== null;

/** The date a measure is listed by: in force, else announced (null: undated, listed last). */
const listDate = (m: Measure): string | null => m.inForce ?? m.announced;

const listMemo = memo((file: MeasuresFile | null, minerals: readonly string[]): Measure[] => {
  if (!file) return [];
  const mine = file.measures.filter((m) => m.minerals.some((x) => minerals.includes(x)));
  return mine.sort((a, b) => {
    const da = listDate(a);
    const db = listDate(b);
    if (da === db) return a.id < b.id ? -1 : 1;
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? 1 : -1;
  });
});
/** Measures on any selected mineral, newest first (by in-force date, else announcement); undated ones last. */
export const selectMeasureList = (s: AppState): Measure[] => listMemo(s.measures, s.filters.minerals);

/** The selected measure, if the table has it. */
export const selectMeasure = (s: AppState): Measure | null =>
  (s.measure !== null && s.measures?.measures.find((m) => m.id === s.measure)) || null;

export const flowTrade = (f: Flow): Trade => ({
  exporter: f.exporter,
  importer: f.importer,
  hs: f.hs,
  year: f.year,
});

/** What a measure covers in a year's trade: distinct exporter-importer-product rows and their value (USD). */
export interface MeasureCoverage {
  flows: number;
  usd: number;
}
const coverageMemo = memo((flows: Flow[], m: Measure): MeasureCoverage => {
  // A product listed under two minerals (811292: gallium and germanium) is one trade: counted once.
  const seen = new Set<string>();
  let usd = 0;
  for (const f of flows) {
    const key = `${f.exporter}>${f.importer}>${f.hs}`;
    if (seen.has(key) || !measureCovers(m, f.exporter, f.importer, f.hs)) continue;
    seen.add(key);
    usd += f.valueUsd;
  }
  return { flows: seen.size, usd };
});
export const selectMeasureCoverage = (s: AppState, m: Measure): MeasureCoverage =>
  coverageMemo(selectYearFlows(s), m);

/** Is a measure in force under the reading: on the table's check date, or on any day of the year shown? */
export function inForceInView(m: Measure, reading: ControlReading, year: number, asOf: string): boolean {
  return reading === 'today' ? inForceOn(m, asOf) : inForceDuringYear(m, year);
}

const countriesMemo = memo((list: Measure[], reading: ControlReading, year: number, asOf: string): string[] =>
  [...new Set(list.filter((m) => inForceInView(m, reading, year, asOf)).map((m) => m.country))].sort(),
);
/** Countries with a measure on a selected mineral in force under the reading (outlined on the map). */
export const selectControllingCountries = (s: AppState): string[] =>
  s.measures ? countriesMemo(selectMeasureList(s), s.filters.controls, s.filters.year, s.measures.asOf) : [];

/** The measures that make a flow controlled under the reading (empty when none, or before the table loads). */
export function selectFlowControls(s: AppState, flow: Flow): Measure[] {
  return s.measures
    ? controlsOn(s.measures.measures, flowTrade(flow), s.filters.controls, s.measures.asOf)
    : [];
}

const highlightMemo = memo((m: Measure | null) =>
  m ? (f: Flow) => measureCovers(m, f.exporter, f.importer, f.hs) : null,
);
/** The flows the selected measure covers (the map dims the rest); null without a selected measure. */
export const selectMeasureHighlight = (s: AppState): ((flow: Flow) => boolean) | null =>
  highlightMemo(selectMeasure(s));

/** Which measures count, in a few words: "in force on 2026-12-03" or "in force in the flow's year" (CSV, labels). */
export function readingLabel(reading: ControlReading, asOf: string | null, lang: Lang = 'en'): string {
  const m = t(lang).controls;
  return reading === 'today' ? m.readingToday(asOf === null ? null : m.date(asOf)) : m.readingYear;
}

/** What "controlled" means under the reading, for the legend, the details and the exports (English by default). */
export function controlsText(reading: ControlReading, asOf: string | null, lang: Lang = 'en'): string {
  const m = t(lang).controls;
  const when =
    reading === 'today' ? m.controlsWhenToday(readingLabel(reading, asOf, lang)) : m.controlsWhenYear;
  return m.controlsText(when);
}
