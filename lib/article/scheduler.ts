/**
 * Which paragraph to translate next: the first waiting one on screen, else the
 * first waiting one in reading order. Asked afresh before every paragraph, so
 * scrolling re-prioritises whatever is still waiting.
 */
export class Scheduler {
  private readonly waiting = new Set<number>();
  private readonly visible = new Set<number>();

  constructor(private readonly size: number) {}

  enqueue(index: number) {
    if (index >= 0 && index < this.size) this.waiting.add(index);
  }

  remove(index: number) {
    this.waiting.delete(index);
  }

  setVisible(index: number, visible: boolean) {
    if (visible) this.visible.add(index);
    else this.visible.delete(index);
  }

  get pending(): number {
    return this.waiting.size;
  }

  next(): number | null {
    let best: number | null = null;
    for (const i of this.visible) if (this.waiting.has(i) && (best === null || i < best)) best = i;
    if (best !== null) return best;
    for (let i = 0; i < this.size; i++) if (this.waiting.has(i)) return i;
    return null;
  }
}
