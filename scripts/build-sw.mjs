// Bundles the service worker (lib/offline/sw.ts) into public/sw.js with the pages it keeps from install:
// the library, each shipped article and the text pages, in both interface languages, and ONNX Runtime's
// files for the WASM device. Runs as part of `npm run build`.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ORT_FILES, ortFolder } from './ort-files.mjs';

const root = path.resolve(import.meta.dirname, '..');
const contentDir = path.resolve(root, process.env.CONTENT_DIR || 'content');
const slugs = readdirSync(contentDir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''));
const TEXT_SHELL_ID = '000000000000000000000000';
const pages = ['nl', 'en'].flatMap((l) => [`/${l}`, `/${l}/texts/new`, `/${l}/texts/${TEXT_SHELL_ID}`, `/${l}/data`, ...slugs.map((s) => `/${l}/read/${s}`)]);
const ort = ORT_FILES.filter((f) => !f.includes('asyncify')).map((f) => `/ort/${ortFolder()}/${f}`);

await build({
  entryPoints: [path.join(root, 'lib/offline/sw.ts')],
  outfile: path.join(root, 'public/sw.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2022',
  define: { __SHELL_PAGES__: JSON.stringify(pages), __ORT_FILES__: JSON.stringify(ort), __BUILD__: JSON.stringify(Date.now().toString(36)) },
  logLevel: 'warning',
});
console.log(`service worker: ${pages.length} pages, ${ort.length} ONNX Runtime files`);
