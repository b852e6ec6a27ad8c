// One coalesced task after the next frame: the panels and the address bar follow a change once the map has drawn it.

export interface AfterFrame {
  /** Run `fn` once after the next frame (a function queued twice before then runs once, in first-queued order). */
  schedule(fn: () => void): void;
  /** Something is queued and has not run yet (the page is not settled: tests and embeds wait on this). */
  pending(): boolean;
  /** Called each time something is queued into an empty queue (the page stops being settled). */
  onQueued(fn: () => void): void;
  /** Called each time the queue has run and nothing is left in it, with the time the run started. */
  onSettled(fn: (ranFrom: number) => void): void;
}

/**
 * A change's synchronous work is the store and the map's layer props; everything else a reader sees (counts, legend,
 * filters, charts, the table, the address bar) is queued here and runs as one task right after the frame that shows
 * the new map, so several changes inside one frame (a held arrow key, a slider drag) cost one panel update.
 * The task is a message posted from an animation-frame callback, i.e. after that frame's rendering; a timer backs it
 * up where animation frames do not run (a hidden tab), so the panels never stay stale.
 */
export function createAfterFrame(fallbackMs = 200): AfterFrame {
  const queue = new Set<() => void>();
  const settled: ((ranFrom: number) => void)[] = [];
  const queued: (() => void)[] = [];
  let armed = false;
  let fallback: ReturnType<typeof setTimeout> | undefined;
  const channel = new MessageChannel();
  const run = () => {
    if (!armed) return;
    armed = false;
    clearTimeout(fallback);
    const t0 = performance.now();
    // Work queued while running (a panel that changes the store) goes to the next round, after another frame.
    const fns = [...queue];
    queue.clear();
    try {
      for (const fn of fns) fn();
    } finally {
      if (queue.size > 0) arm();
      else for (const fn of settled) fn(t0);
    }
  };
  channel.port1.onmessage = run;
  const arm = () => {
    if (armed) return;
    armed = true;
    requestAnimationFrame(() => channel.port2.postMessage(0));
    fallback = setTimeout(run, fallbackMs);
  };
  return {
    schedule(fn) {
      const was = queue.size;
      queue.add(fn);
      if (was === 0) for (const q of queued) q();
      arm();
    },
    pending: () => queue.size > 0,
    onQueued: (fn) => void queued.push(fn),
    onSettled: (fn) => void settled.push(fn),
  };
}
