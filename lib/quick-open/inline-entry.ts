/**
 * The entry of the article page's inline script (bundled at build time by scripts/build-inline.mjs into
 * inline.generated.ts; inline-script.ts writes it into the page). It runs in the page's <body>, before the
 * article's paragraphs have arrived and long before the app's JavaScript.
 */
import { CONFIG_URL, EARLY_CONFIG } from '@/lib/engine/client/early-config';
import { paintCopy } from './paint-copy';
import { paintStored } from './paint-stored';

export interface QuickOpenArgs {
  article: string;
  /** The article's paragraph hashes (sourceHash(text)), each once. */
  hashes: string[];
}

export function quickOpen({ article, hashes }: QuickOpenArgs) {
  const used: { key?: string } = {};
  try {
    // localStorage itself throws where storage is refused: looked up inside the try.
    paintCopy(document, self.localStorage, self.MutationObserver, article, used);
  } catch {
    // nothing painted: the IndexedDB step below, or the app, does it
  }
  // The settings request starts now; the app takes it over instead of asking again (fetch-config.ts).
  const request = fetch(CONFIG_URL, { cache: 'no-store' });
  (self as unknown as Record<string, unknown>)[EARLY_CONFIG] = request;
  const settings = request.then((r) => (r.ok ? r.clone().json() : null));
  paintStored(document, self.indexedDB, settings, hashes, used.key).catch(() => {});
}
