/**
 * Following feeds in the browser: adding one, and refreshing those the library shows when they are older
 * than REFRESH_MS. The fetching itself is the server's (lib/web-import/client.ts → app/api/web).
 */
import { openFeedList } from '@/lib/store/open-store';
import { fetchFeed } from '@/lib/web-import/client';
import { REFRESH_MS, type FeedRecord } from '../store/feed-types';

export const isStale = (feed: FeedRecord, now = Date.now()) => now - feed.fetchedAt >= REFRESH_MS;

/** Fetches the feed and keeps it; refuses (WebImportError) before storing anything if it is not one. */
export async function follow(url: string): Promise<FeedRecord> {
  const parsed = await fetchFeed(url);
  const now = Date.now();
  const feed: FeedRecord = { url: url.trim(), title: parsed.title, items: parsed.items, addedAt: now, fetchedAt: now };
  await (await openFeedList()).put(feed);
  return feed;
}

/**
 * Refreshes the stale ones among `feeds`, one at a time (a library of many feeds should not fire a burst at
 * the server's rate limit). A feed that fails keeps its last items; the failure is reported per feed.
 */
export async function refreshStale(
  feeds: readonly FeedRecord[],
  onFailure: (feed: FeedRecord, err: unknown) => void,
): Promise<FeedRecord[]> {
  const list = await openFeedList();
  const out: FeedRecord[] = [];
  for (const feed of feeds) {
    if (!isStale(feed)) {
      out.push(feed);
      continue;
    }
    try {
      const parsed = await fetchFeed(feed.url);
      const fresh = { ...feed, title: parsed.title || feed.title, items: parsed.items, fetchedAt: Date.now() };
      await list.put(fresh);
      out.push(fresh);
    } catch (err) {
      onFailure(feed, err);
      out.push(feed);
    }
  }
  return out;
}
