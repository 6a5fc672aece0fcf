import { describe, expect, it } from 'vitest';
import { Scheduler } from './scheduler';

const drain = (s: Scheduler, steps: number, between?: (done: number[]) => void) => {
  const done: number[] = [];
  for (let i = 0; i < steps; i++) {
    const n = s.next();
    if (n === null) break;
    s.remove(n);
    done.push(n);
    between?.(done);
  }
  return done;
};

describe('Scheduler', () => {
  it('translates in reading order when nothing is on screen', () => {
    const s = new Scheduler(5);
    for (const i of [4, 2, 0, 1, 3]) s.enqueue(i);
    expect(drain(s, 10)).toEqual([0, 1, 2, 3, 4]);
  });

  it('takes paragraphs on screen first, then the rest in reading order', () => {
    const s = new Scheduler(6);
    for (let i = 0; i < 6; i++) s.enqueue(i);
    s.setVisible(3, true);
    s.setVisible(4, true);
    expect(drain(s, 10)).toEqual([3, 4, 0, 1, 2, 5]);
  });

  it('re-prioritises when the reader scrolls while work is waiting', () => {
    const s = new Scheduler(1000);
    for (let i = 0; i < 1000; i++) s.enqueue(i);
    s.setVisible(0, true);
    const order = drain(s, 4, (done) => {
      if (done.length === 1) {
        s.setVisible(0, false);
        s.setVisible(700, true);
        s.setVisible(701, true);
      }
    });
    expect(order).toEqual([0, 700, 701, 1]);
    expect(s.pending).toBe(996);
  });
});
