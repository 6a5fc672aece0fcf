/**
 * When a page may keep its article's quick-open copy (copy.ts): only while its view of the store is known
 * to be current, that is, read under the current store stamp, or changed since by this page alone.
 */
import { dropCopy, ownStamp, storeStamp, writeCopy } from './copy';

export class QuickOpenCopy {
  /** The store stamp this page's view is current under; null: not known (never read, or changed elsewhere). */
  private stamp: string | null = null;

  constructor(private readonly article: string) {}

  /** The page read the store after seeing this stamp. */
  readUnder(stamp: string) {
    this.stamp = stamp;
  }

  /** Around a write this page makes: call before, and pass the result to `afterOwnWrite`. */
  beforeOwnWrite(): string {
    return storeStamp();
  }

  /** The view stays current if nobody else stamped a change before or after this page's write. */
  afterOwnWrite(before: string) {
    const mine = ownStamp();
    this.stamp = this.stamp !== null && before === this.stamp && mine !== null && storeStamp() === mine ? mine : null;
  }

  /** Keeps (or, with an outdated view, drops) the copy of what the page shows: Dutch hash → English. */
  keep(cacheKey: string, texts: Record<string, string>) {
    if (this.stamp === null) dropCopy(this.article);
    else writeCopy(this.article, { key: cacheKey, stamp: this.stamp, texts });
  }
}
