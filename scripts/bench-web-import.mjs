#!/usr/bin/env node
// Does a hostile page starve the server? Times a trivial request answered by this process, idle and while a
// page of nested <div>s is being extracted (lib/web-import/extract.ts, in its worker thread), and, for
// comparison, while Readability runs on the request thread as it did before. Prints latencies and ratios.
//   node scripts/bench-web-import.mjs [depth=1500]
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const depth = Number(process.argv[2] ?? 1500);
// Bundled next to the repository's node_modules (bench/out/ is git-ignored), so its packages resolve.
mkdirSync(path.join(root, 'bench', 'out'), { recursive: true });
const out = mkdtempSync(path.join(root, 'bench', 'out', 'web-import-'));
const entry = path.join(out, 'entry.mjs');
await build({
  stdin: {
    contents: `export { extractArticle } from '${root}/lib/web-import/extract.ts'; export { Readability } from '@mozilla/readability'; export { parseHTML } from 'linkedom';`,
    resolveDir: root,
    loader: 'ts',
  },
  outfile: entry,
  bundle: true,
  platform: 'node',
  format: 'esm',
  alias: { '@': root },
  packages: 'external',
  logLevel: 'warning',
});
const { extractArticle, Readability, parseHTML } = await import(pathToFileURL(entry).href);

const prose = 'De gemeente wil meer ruimte maken voor fietsers in de binnenstad van Utrecht. '.repeat(8);
const hostile = `<html lang="nl"><body>${'<div>'.repeat(depth)}<p>${prose}</p>${'</div>'.repeat(depth)}</body></html>`;

const server = createServer((_, res) => res.end('pong'));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

/** Median and worst time for `n` requests, one after another, started `after` ms from now. */
async function pings(n = 15, after = 50) {
  await new Promise((r) => setTimeout(r, after));
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await (await fetch(url)).text();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(n / 2)], worst: times.at(-1) };
}

await pings(3, 0); // warm up the client and the server
const idle = await pings();
const t0 = performance.now();
const [inWorker] = await Promise.all([
  pings(),
  extractArticle(hostile, 'https://example.nl/', { maxDepth: 100_000, timeoutMs: 10_000 }).catch((e) => e),
]);
const workerMs = performance.now() - t0;
// As before: the same page parsed and read on this thread (started after the pings are queued).
const t1 = performance.now();
const inline = pings(15, 0);
setTimeout(() => {
  const { document } = parseHTML(hostile);
  new Readability(document, { charThreshold: 200 }).parse();
}, 20);
const onThread = await inline;
const inlineMs = performance.now() - t1;
server.close();
rmSync(out, { recursive: true, force: true });

const f = (ms) => `${ms.toFixed(1)} ms`;
console.log(`hostile page: ${depth} nested <div>s, ${(hostile.length / 1024).toFixed(0)} kB`);
console.log(`idle server:               median ${f(idle.median)}, worst ${f(idle.worst)}`);
const ratio = (r) => `worst ÷ idle worst ${(r.worst / idle.worst).toFixed(1)}×`;
console.log(
  `extracting in a worker:    median ${f(inWorker.median)}, worst ${f(inWorker.worst)}  (${ratio(inWorker)}; the extraction took ${f(workerMs)})`,
);
console.log(
  `extracting on the thread:  median ${f(onThread.median)}, worst ${f(onThread.worst)}  (${ratio(onThread)}; ${f(inlineMs)} in all)`,
);
