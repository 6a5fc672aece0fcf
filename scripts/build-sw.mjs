// Bundles the service worker (lib/offline/sw.ts) into public/sw.js with the pages it keeps from install:
// the library, each shipped article, the text pages, Stored data and the glossary, in both interface languages, and ONNX Runtime's
// files for the WASM device. Runs as part of `npm run build`, after `next build`.
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ORT_FILES, ortFolder } from './ort-files.mjs';

const root = path.resolve(import.meta.dirname, '..');
// Every file Next built for the browser, so that code loaded on demand (pasting a text, opening a file, Stored
// data's import) is there offline too, not only what the shell pages name. Run after `next build`. Not the
// source maps, not ONNX Runtime's asyncify build, which the app never loads (it uses /ort/), and not
// Turbopack's worker entry: it reads its chunk list from the #params= of the address it was started with, and a
// response cached without that fragment starts a worker that cannot boot. It is cached when a page first
// starts it (the fragment kept), which is also when the model first comes into the browser's cache.
const staticDir = path.resolve(root, process.env.NEXT_DIST_DIR || '.next', 'static');
if (!existsSync(staticDir)) throw new Error(`build-sw: ${staticDir} is missing; run it after next build`);
const built = readdirSync(staticDir, { recursive: true, withFileTypes: true })
  .filter(
    (e) =>
      e.isFile() && !e.name.endsWith('.map') && !e.name.includes('asyncify') && !e.name.startsWith('turbopack-worker'),
  )
  .map((e) => `/_next/static/${path.relative(staticDir, path.join(e.parentPath, e.name)).split(path.sep).join('/')}`)
  .sort();
const contentDir = path.resolve(root, process.env.CONTENT_DIR || 'content');
const slugs = readdirSync(contentDir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''));
const TEXT_SHELL_ID = '000000000000000000000000';
const pages = ['nl', 'en'].flatMap((l) => [
  `/${l}`,
  `/${l}/texts/new`,
  `/${l}/texts/${TEXT_SHELL_ID}`,
  `/${l}/data`,
  `/${l}/glossary`,
  ...slugs.map((s) => `/${l}/read/${s}`),
]);
const ort = ORT_FILES.filter((f) => !f.includes('asyncify')).map((f) => `/ort/${ortFolder()}/${f}`);

await build({
  entryPoints: [path.join(root, 'lib/offline/sw.ts')],
  outfile: path.join(root, 'public/sw.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2022',
  define: {
    __SHELL_PAGES__: JSON.stringify(pages),
    __ORT_FILES__: JSON.stringify(ort),
    __BUILT_FILES__: JSON.stringify(built),
    __BUILD__: JSON.stringify(Date.now().toString(36)),
  },
  logLevel: 'warning',
});
console.log(`service worker: ${pages.length} pages, ${built.length} built files, ${ort.length} ONNX Runtime files`);
