// Memoisation on reference equality of the arguments (like reselect, without the dependency) for the selectors.

/** The last result, reused while every argument is the same reference (or primitive value) as last time. */
export function memo<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let last: R;
  return (...args: A) => {
    if (lastArgs && args.length === lastArgs.length && args.every((a, i) => a === lastArgs?.[i])) return last;
    lastArgs = args;
    last = fn(...args);
    return last;
  };
}
