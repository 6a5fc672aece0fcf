/**
 * Coalesces the translator's notifications for the UI. A worker message arrives for every paragraph
 * started, streamed and finished, dozens a second on a long article; delivered one by one, each is a
 * React render and a frame (layout, paint, 1,000 intersection checks), and on 2 cores that main-thread
 * work slows translation itself. Batched, everything that changed within `interval` ms is delivered
 * together: one render, one frame. A change after a quiet spell is delivered at once (next task).
 */
export function createUiBatch(interval: number, now: () => number = () => performance.now()) {
  const pending = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;

  const flush = () => {
    timer = null;
    last = now();
    const listeners = [...pending];
    pending.clear();
    for (const listener of listeners) listener();
  };

  /** Wraps a subscribe function so that its listener is called through the batch. */
  return function batched(subscribe: (listener: () => void) => () => void) {
    return (listener: () => void) => {
      const unsubscribe = subscribe(() => {
        pending.add(listener);
        timer ??= setTimeout(flush, Math.max(0, last + interval - now()));
      });
      return () => {
        unsubscribe();
        pending.delete(listener);
      };
    };
  };
}
