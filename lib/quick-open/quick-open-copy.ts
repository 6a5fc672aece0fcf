/**
 * When a page may keep its article's quick-open copy (copy.ts): only while its view of the store is known
 * to be current, that is, read under the current store stamp, or changed since by this page alone.
 */
import { onStoreChange, type HeardChange } from '@/lib/store/change-feed';
import { dropCopy, writeCopy } from './copy';

export class QuickOpenCopy {
  /** The store stamp this page's view is current under; null: not known (never read, or changed elsewhere). */
  private stamp: string | null = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly article: string) {
    this.unsubscribe = onStoreChange((heard) => this.follow(heard));
  }

  /** The page read the store after seeing this stamp. */
  readUnder(stamp: string) {
    this.stamp = stamp;
  }

  /**
   * A correction this page saved keeps its view current (the page shows what it saved at once, in the same
   * task), if nobody else stamped a change before it; any other change leaves the view unknown.
   */
  private follow({ change, origin, before, stamp }: HeardChange) {
    const own = origin === 'here' && change.kind === 'corrections' && this.stamp !== null && before === this.stamp;
    this.stamp = own ? (stamp ?? null) : null;
  }

  /** Keeps (or, with an outdated view, drops) the copy of what the page shows: Dutch hash → English. */
  keep(cacheKey: string, texts: Record<string, string>) {
    if (this.stamp === null) dropCopy(this.article);
    else writeCopy(this.article, { key: cacheKey, stamp: this.stamp, texts });
  }

  close() {
    this.unsubscribe();
  }
}
