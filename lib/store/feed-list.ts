import type { FeedRecord } from '@/lib/store/feed-types';
import { Connection } from './connection';
import { STORES } from './schema';

function isFeed(v: unknown): v is FeedRecord {
  const r = v as FeedRecord;
  return (
    !!r &&
    typeof r.url === 'string' &&
    typeof r.title === 'string' &&
    Array.isArray(r.items) &&
    typeof r.fetchedAt === 'number'
  );
}

/** The feeds the reader follows, oldest added first (the order they were added in). */
export class IndexedDBFeeds {
  constructor(private readonly connection: Connection) {}

  async list(): Promise<FeedRecord[]> {
    const all = await this.connection.run((db) => db.getAll(STORES.feeds));
    return all.filter(isFeed).sort((a, b) => a.addedAt - b.addedAt);
  }

  put(feed: FeedRecord): Promise<void> {
    return this.connection.run(async (db) => {
      await db.put(STORES.feeds, feed);
    });
  }

  delete(url: string): Promise<void> {
    return this.connection.run((db) => db.delete(STORES.feeds, url));
  }
}
