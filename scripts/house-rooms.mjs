// The house's rooms and who may import whom: read by the lint rule (eslint.config.mjs, `house/rooms`) and by
// docs/architecture.md's map. A room imports only the rooms listed for it (and itself, and npm packages); the
// list never names a room above it, so the store and the engine know nothing of the article or the UI.
import path from 'node:path';

const FOUNDATION = ['lib/content', 'lib/i18n', 'lib/local-storage.ts', 'lib/coded-error.ts'];
const ENGINE_PAGE = ['lib/engine/shared', 'lib/engine/client'];
const FEATURES = [
  'lib/corrections',
  'lib/glossary',
  'lib/quick-open',
  'lib/texts',
  'lib/feeds',
  'lib/web-import',
  'lib/export',
  'lib/alignment',
  'lib/reading',
  'lib/preferences',
  'lib/offline',
  'lib/security',
];

/** Room → the rooms it may import. Order: lowest first. */
export const ROOMS = {
  ...Object.fromEntries(FOUNDATION.map((room) => [room, FOUNDATION])),
  'lib/engine/shared': [...FOUNDATION],
  'lib/engine/model-files': ['lib/engine/shared', ...FOUNDATION],
  'lib/engine/kernels': [...FOUNDATION],
  'lib/engine/worker': ['lib/engine/shared', 'lib/engine/model-files', 'lib/engine/kernels', ...FOUNDATION],
  'lib/engine/client': ['lib/engine/shared', ...FOUNDATION],
  'lib/store': [...FOUNDATION],
  ...Object.fromEntries(FEATURES.map((room) => [room, [...FEATURES, 'lib/store', ...ENGINE_PAGE, ...FOUNDATION]])),
  'lib/article': [...FEATURES, 'lib/store', ...ENGINE_PAGE, ...FOUNDATION],
  'lib/stored-data': ['lib/article', ...FEATURES, 'lib/store', ...ENGINE_PAGE, ...FOUNDATION],
  // The page: everything but the worker's code, which runs in its own thread (started by URL, never imported).
  app: ['app', 'lib/stored-data', 'lib/article', ...FEATURES, 'lib/store', ...ENGINE_PAGE, ...FOUNDATION],
  'proxy.ts': ['lib/security', 'lib/i18n', 'lib/engine/shared', 'lib/quick-open', ...FOUNDATION],
};

const ordered = Object.keys(ROOMS).sort((a, b) => b.length - a.length);

/** The room of a path relative to the repository root, or null outside the house (tests, scripts, packages). */
export function roomOf(relative) {
  const p = relative.split(path.sep).join('/');
  return ordered.find((room) => p === room || p.startsWith(`${room}/`)) ?? null;
}

/** Why `fromFile` may not import `target` (both relative to the root), or null when it may. */
export function forbidden(fromFile, target) {
  if (/\.test\.tsx?$/.test(fromFile)) return null; // a test may reach whatever it checks
  const from = roomOf(fromFile);
  const to = roomOf(target);
  if (!from || !to || from === to) return null;
  return ROOMS[from].includes(to) ? null : `${from} may not import ${to} (scripts/house-rooms.mjs)`;
}
