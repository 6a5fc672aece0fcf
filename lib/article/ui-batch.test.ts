import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUiBatch } from './ui-batch';

/** A tiny store with synchronous notifications, like ArticleTranslator's. */
function store() {
  const listeners = new Set<() => void>();
  return {
    subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)),
    emit: () => listeners.forEach((l) => l()),
  };
}

describe('createUiBatch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('delivers a change after a quiet spell in the next task, and a burst as one call per interval', () => {
    const batched = createUiBatch(100, () => Date.now());
    const s = store();
    const listener = vi.fn();
    batched(s.subscribe)(listener);

    s.emit();
    expect(listener).not.toHaveBeenCalled(); // not synchronously: the rest of this task joins the batch
    vi.advanceTimersByTime(0);
    expect(listener).toHaveBeenCalledTimes(1);

    for (let i = 0; i < 30; i++) {
      s.emit();
      vi.advanceTimersByTime(10); // 30 changes over 300 ms
    }
    vi.advanceTimersByTime(100);
    expect(listener.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(listener.mock.calls.length).toBeLessThanOrEqual(5); // 1 + about 300/100, never 31
  });

  it('calls each listener once per batch, however many changes it saw', () => {
    const batched = createUiBatch(100, () => Date.now());
    const a = store();
    const b = store();
    const one = vi.fn();
    const two = vi.fn();
    batched(a.subscribe)(one);
    batched(b.subscribe)(two);
    a.emit();
    a.emit();
    b.emit();
    vi.advanceTimersByTime(0);
    expect(one).toHaveBeenCalledTimes(1);
    expect(two).toHaveBeenCalledTimes(1);
  });

  it('never calls a listener after it unsubscribed, even with a change pending', () => {
    const batched = createUiBatch(100, () => Date.now());
    const s = store();
    const listener = vi.fn();
    const unsubscribe = batched(s.subscribe)(listener);
    s.emit();
    unsubscribe();
    vi.advanceTimersByTime(200);
    s.emit();
    vi.advanceTimersByTime(200);
    expect(listener).not.toHaveBeenCalled();
  });
});
