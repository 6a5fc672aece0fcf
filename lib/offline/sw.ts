/// <reference lib="webworker" />
/**
 * The service worker: the app keeps working on a train. Built by scripts/build-sw.mjs into public/sw.js.
 *
 * - Pages: network first (a reader online always gets the current page), the last copy when offline.
 * - Every file of the build under /_next/static/ is fetched at install, not only what the shell pages name:
 *   pasting a text, opening a file or importing on Stored data load their code on demand, offline too.
 *   The library, the shipped articles, the text form and an empty "your text" page are fetched at install, so
 *   they open offline even if never visited; a text of yours opens in that shell (the page reads the id from
 *   the address and the text from IndexedDB).
 * - Next's hashed files and ONNX Runtime's versioned files: cache first; they never change under a name.
 * - The model's files are transformers.js's own business (its Cache Storage), the web route the network's.
 * Cached responses keep the headers they came with, cross-origin isolation (COOP/COEP) included, so the
 * WASM threads still run offline.
 */
import {
  CacheableResponsePlugin,
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  Serwist,
  type SerwistPlugin,
} from 'serwist';

declare const self: ServiceWorkerGlobalScope;
/** Filled in at build time. */
declare const __SHELL_PAGES__: string[];
declare const __ORT_FILES__: string[];
/** Every file of this build under /_next/static/ (hashed names): code loaded on demand is cached too. */
declare const __BUILT_FILES__: string[];
declare const __BUILD__: string;

const PAGES = `tweetalig-pages-${__BUILD__}`;
const STATIC = 'tweetalig-static';
/** A text id no text has: its page is the shell every text of yours is read in. */
export const TEXT_SHELL_ID = '000000000000000000000000';
const TEXT_PAGE = /^\/(nl|en)\/texts\/[a-f0-9]{24}$/;

const offlineFallback: SerwistPlugin = {
  // Offline and never visited: a text of yours opens in the text shell of its language.
  async handlerDidError({ request }) {
    const match = TEXT_PAGE.exec(new URL(request.url).pathname);
    if (!match) return undefined;
    return (await caches.open(PAGES).then((cache) => cache.match(`/${match[1]}/texts/${TEXT_SHELL_ID}`))) ?? undefined;
  },
};

const serwist = new Serwist({
  precacheEntries: __ORT_FILES__.map((url) => ({ url, revision: null })),
  skipWaiting: true,
  clientsClaim: true,
  disableDevLogs: true,
  runtimeCaching: [
    {
      matcher: ({ url, sameOrigin }) =>
        sameOrigin && (url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/ort/')),
      handler: new CacheFirst({
        cacheName: STATIC,
        plugins: [
          new CacheableResponsePlugin({ statuses: [200] }),
          new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 90 * 24 * 3600 }),
        ],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/api/translation-config',
      handler: new NetworkFirst({ cacheName: PAGES, networkTimeoutSeconds: 10 }),
    },
    {
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin && request.mode === 'navigate' && !url.pathname.startsWith('/api/'),
      // Offline, `?view=both` and the plain address are the same page (the view is applied in the browser).
      handler: new NetworkFirst({
        cacheName: PAGES,
        networkTimeoutSeconds: 10,
        matchOptions: { ignoreSearch: true },
        plugins: [new CacheableResponsePlugin({ statuses: [200] }), offlineFallback],
      }),
    },
  ],
});

/** The shell pages, and the scripts, styles and fonts they load, so each opens offline from the first visit on. */
async function keepShell() {
  const pages = await caches.open(PAGES);
  const assets = new Set<string>();
  for (const page of [...__SHELL_PAGES__, '/api/translation-config']) {
    const response = await fetch(page, { cache: 'reload', credentials: 'same-origin' });
    if (!response.ok) continue;
    const html = await response.clone().text();
    await pages.put(page, response);
    for (const [asset] of html.matchAll(/\/_next\/static\/[^"'\s\\)]+/g)) assets.add(asset);
  }
  const stat = await caches.open(STATIC);
  for (const css of [...assets].filter((a) => a.endsWith('.css'))) {
    const text = await (await fetch(css)).text();
    for (const [font] of text.matchAll(/\/_next\/static\/media\/[^"'\s)]+/g)) assets.add(font);
  }
  for (const file of __BUILT_FILES__) assets.add(file);
  await Promise.all(
    [...assets].map(async (asset) => (await stat.match(asset)) ?? stat.add(asset).catch(() => undefined)),
  );
}

self.addEventListener('install', (event) => event.waitUntil(keepShell().catch(() => undefined)));
self.addEventListener('activate', (event) =>
  // Pages from an older build would load scripts this one no longer has.
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('tweetalig-pages-') && k !== PAGES).map((k) => caches.delete(k))),
      ),
  ),
);

serwist.addEventListeners();
