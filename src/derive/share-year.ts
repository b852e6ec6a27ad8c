// Which share table a chart column shows for the slider's year: that year's table, or a plain "no figure" message.

/** The numeric year of a table key: "2022e" -> 2022. */
export const keyYear = (key: string): number => Number.parseInt(key, 10);

/** The column's choice: the table key for the year, or none with the nearest years that have one. */
export type ShareYearChoice =
  { kind: 'year'; key: string } | { kind: 'missing'; nearest: string[]; available: string[] };

/**
 * The table key (e.g. "2021" or "2022e") for `year` among `keys`; never another year's table. When the year has
 * none, `nearest` lists the closest keys (two when equally near), `available` every key, in year order.
 */
export function chooseShareYear(keys: readonly string[], year: number): ShareYearChoice {
  const available = [...keys].sort((a, b) => keyYear(a) - keyYear(b) || a.localeCompare(b));
  const exact = available.find((k) => keyYear(k) === year);
  if (exact !== undefined) return { kind: 'year', key: exact };
  const distance = (k: string): number => Math.abs(keyYear(k) - year);
  const best = Math.min(...available.map(distance));
  return { kind: 'missing', nearest: available.filter((k) => distance(k) === best), available };
}

/** "No USGS figure for 2018; nearest: 2020 (years with figures: 2020, 2021, 2022e)". */
export function missingYearMessage(
  publisher: string,
  year: number,
  choice: Extract<ShareYearChoice, { kind: 'missing' }>,
): string {
  if (choice.available.length === 0) return `No ${publisher} figure for ${year}.`;
  return (
    `No ${publisher} figure for ${year}; nearest: ${choice.nearest.join(' and ')} ` +
    `(years with figures: ${choice.available.join(', ')})`
  );
}
