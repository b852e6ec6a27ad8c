// User Timing for the benchmark (tests/bench): spans of a state change's layer update and panel update.

/**
 * 'cmm:layers' spans the deck.gl layer update of a state change, 'cmm:panels' the DOM that follows it: country names
 * over the map, panels (counts, legend, filters, chart, details, scenario); 'cmm:year-fetch' and 'cmm:year-parse'
 * split a year's loading. Only the latest of each is kept.
 */
export function measure(name: `cmm:${string}`, start: number, end = performance.now()): void {
  performance.clearMeasures(name);
  performance.measure(name, { start, end });
}

/**
 * Marks between the store's listeners: call `start` first and `layersDone` after the map's. The panels run later, as
 * one task after the next frame (src/app/after-frame.ts): 'cmm:panels' spans that task.
 */
export function changeTimer() {
  let t0 = 0;
  return {
    start: () => void (t0 = performance.now()),
    layersDone: () => measure('cmm:layers', t0),
    panelsDone: (ranFrom: number) => measure('cmm:panels', ranFrom),
  };
}
