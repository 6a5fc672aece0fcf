/** One entry of a feed, as the library lists it: only what a reader sees. */
export interface FeedItem {
  title: string;
  url: string;
  /** Milliseconds since 1970, or null when the feed gives no date. */
  published: number | null;
}

/** A feed the reader follows, as kept in their browser. */
export interface FeedRecord {
  /** The address the reader added (the key). */
  url: string;
  title: string;
  items: FeedItem[];
  addedAt: number;
  /** When the items were last fetched; the library refreshes at most every REFRESH_MS. */
  fetchedAt: number;
}

/** Feeds are refreshed when the library is opened, at most this often. */
export const REFRESH_MS = 15 * 60 * 1000;
