import type { IDBPDatabase } from 'idb';
import type { ReaderDB } from './schema';

type Handle = IDBPDatabase<ReaderDB>;

/** The error IndexedDB throws when a transaction is asked of a connection the browser has closed. */
export function isConnectionClosed(err: unknown): boolean {
  return (err as { name?: unknown } | null)?.name === 'InvalidStateError';
}

/**
 * The page's connection to its database. The browser may close it at any time (the reader clears site
 * data, storage is evicted, another tab upgrades the schema): the next request then opens a new one and
 * runs once more, so a save made after that still lands instead of failing for the rest of the visit.
 */
export class Connection {
  private handle: Promise<Handle> | null = null;

  /** `open` is told how to report that the browser closed what it opened. */
  constructor(private readonly open: (closed: () => void) => Promise<Handle>) {}

  /** A connection that is never reopened (tests, and callers that hold a handle of their own). */
  static of(db: Handle): Connection {
    return new Connection(async () => db);
  }

  get(): Promise<Handle> {
    if (!this.handle) {
      const handle = this.open(() => {
        if (this.handle === handle) this.handle = null;
      });
      handle.catch(() => {
        if (this.handle === handle) this.handle = null; // a later request tries again
      });
      this.handle = handle;
    }
    return this.handle;
  }

  /** Runs `work` on the connection; if it had been closed under the page, on a new one, once. */
  async run<T>(work: (db: Handle) => Promise<T>): Promise<T> {
    const current = this.get();
    const db = await current;
    try {
      return await work(db);
    } catch (err) {
      if (!isConnectionClosed(err)) throw err;
      if (this.handle === current) this.handle = null;
      return work(await this.get());
    }
  }
}

/**
 * Awaits a transaction's work and then its commit. A failed request aborts the transaction, and its `done`
 * rejects as well: handled here, so no failure ever surfaces as an unhandled rejection beside the real one.
 */
export async function transact<T>(tx: { done: Promise<void> }, work: () => Promise<T>): Promise<T> {
  const done = tx.done;
  done.catch(() => {});
  const result = await work();
  await done;
  return result;
}
