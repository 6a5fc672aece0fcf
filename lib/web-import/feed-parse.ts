/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom → the items a library lists. Only what a reader sees is kept: title,
 * address, date. Runs on the server (linkedom's XML parser), where the feed was fetched.
 */
import { DOMParser } from 'linkedom';
import type { FeedItem } from '@/lib/store/feed-types';
import { WebImportError } from './errors';

export type { FeedItem };

export interface ParsedFeed {
  title: string;
  items: FeedItem[];
}

/** A feed's newest items, at most this many. */
export const MAX_ITEMS = 30;

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const child = (el: Element, name: string) =>
  [...el.children].find((c) => c.localName === name || c.tagName.toLowerCase() === name) ?? null;
const dateOf = (s: string) => {
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : null;
};

export function parseFeed(xml: string, base: string): ParsedFeed {
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
  const root = doc.documentElement;
  const name = root?.localName ?? root?.tagName?.toLowerCase();
  if (!root || !['rss', 'feed', 'rdf:rdf', 'rdf'].includes(name ?? '')) throw new WebImportError('notFeed');
  const absolute = (href: string) => {
    try {
      const url = new URL(href.trim(), base);
      return /^https?:$/.test(url.protocol) ? url.href : null;
    } catch {
      return null;
    }
  };
  let title = '';
  const items: FeedItem[] = [];
  if (name === 'feed') {
    title = text(child(root, 'title'));
    for (const entry of [...root.children].filter((c) => c.localName === 'entry')) {
      const links = [...entry.children].filter((c) => c.localName === 'link');
      const link = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
      const url = link ? absolute(link.getAttribute('href') ?? '') : null;
      if (url)
        items.push({
          title: text(child(entry, 'title')) || url,
          url,
          published: dateOf(text(child(entry, 'published')) || text(child(entry, 'updated'))),
        });
    }
  } else {
    const channel = child(root, 'channel');
    title = text(channel ? child(channel, 'title') : null);
    const holder = name === 'rss' && channel ? channel : root; // RSS 1.0 puts items beside the channel
    for (const item of [...holder.children].filter(
      (c) => c.localName === 'item' || c.tagName.toLowerCase() === 'item',
    )) {
      const url = absolute(
        text(child(item, 'link')) ||
          (child(item, 'guid')?.getAttribute('isPermaLink') !== 'false' ? text(child(item, 'guid')) : ''),
      );
      if (url)
        items.push({
          title: text(child(item, 'title')) || url,
          url,
          published: dateOf(text(child(item, 'pubDate')) || text(child(item, 'dc:date')) || text(child(item, 'date'))),
        });
    }
  }
  items.sort((a, b) => (b.published ?? 0) - (a.published ?? 0));
  return { title: title || new URL(base).hostname, items: items.slice(0, MAX_ITEMS) };
}
