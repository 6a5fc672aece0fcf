#!/usr/bin/env node
/**
 * npm run bench:full: speed on a model of the real size, in Chromium, on this machine. Not a test.
 * Builds the full-size stand-in once (scripts/make-standin-model.py, into the git-ignored bench/standin/), bundles
 * scripts/bench-full/worker.ts, serves both under cross-origin isolation, and for each dtype and thread count
 * translates the seed article (19 sentences, 343 words) today's way and with our engine, side by side, in one run:
 * words/s, ms per decoder step, time to the first sentence, model load time, and the renderer's memory.
 * It also checks that our greedy loop gives transformers.js's generate() ids on the stand-in.
 * Layouts (BENCH_FULL_LAYOUTS): `hub`, the files in the Hub's structure run as they are; `rewritten`, the same files
 * with the app's load-time projection rewrite (issue 26) and ONNX Runtime's product; `kernel`, as the app runs q8 on
 * WebAssembly: the decoder cut at its last hidden state, its output layer in our kernel (issue 28); `own`, this project's earlier stand-in (the table once as
 * [d, V], q8's projection an int8 product), built from the scripts as they were before f7b721a, for comparison.
 * BENCH_FULL_DTYPES=q8,fp32 BENCH_FULL_THREADS=2 BENCH_FULL_MODES=today,fast-4 narrow the matrix (mode `scaling`: one step's cost by rows; `assist`: completion and alternatives, issue 19; a `-apart` suffix, e.g. `fast-8-apart`: each sentence decoded on its own, as the app does with q8 files).
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { findChromium } from './find-chromium.mjs';
import { ortPackage } from './ort-files.mjs';
import { ensureOwnLayout, ensureStandIn, STANDIN_DIR, STANDIN_ID } from './standin.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const STANDIN = path.join(STANDIN_DIR, STANDIN_ID);
const OUT = path.join(ROOT, '.bench-full');
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const list = (name, fallback) => (process.env[name] ?? fallback).split(',').filter(Boolean);
const DTYPES = list('BENCH_FULL_DTYPES', 'q8,fp32,fp16,encoder_model:q8+decoder_model_merged:fp32').map((d) =>
  d.replace('+', ','),
);
const THREADS = list('BENCH_FULL_THREADS', '1,2').map(Number);
const MODES = list('BENCH_FULL_MODES', 'today,fast-1,fast-8,best-6,best-24,assist,scaling,glossary');
/** The glossary mode's five entries: terms of the seed article, each in its Dutch at least once. */
const GLOSSARY = [
  ['Navo', 'NATO'],
  ['Oekraïne', 'Ukraine'],
  ['Rusland', 'Russia'],
  ['kruisraketten', 'cruise missiles'],
  ['Poetin', 'Putin'],
].map(([source, target]) => ({ source, target, variants: [], caseSensitive: false }));
/** As the app decodes a dtype (lib/engine/shared/config.ts sentencesApartFor): q8's per-tensor scales, apart. */
const apartFor = (dtype) => /\b(q8|int8|uint8)\b/.test(dtype);
const LAYOUTS = list('BENCH_FULL_LAYOUTS', 'hub,rewritten,kernel');
const OWN = path.join(STANDIN_DIR, 'own-layout', STANDIN_ID);

async function bundle() {
  mkdirSync(OUT, { recursive: true });
  await build({
    entryPoints: [path.join(ROOT, 'scripts/bench-full/worker.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: path.join(OUT, 'worker.js'),
    logLevel: 'warning',
    define: { 'process.env.TWEETALIG_ORT_PATH': 'undefined' },
  });
  writeFileSync(path.join(OUT, 'index.html'), '<!doctype html><title>bench:full</title>');
}

function serve() {
  const ort = ortPackage().dist;
  const types = {
    '.js': 'text/javascript',
    '.mjs': 'text/javascript',
    '.wasm': 'application/wasm',
    '.json': 'application/json',
    '.html': 'text/html',
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x').pathname;
    const file = url.startsWith('/ort/')
      ? path.join(ort, url.slice(5))
      : url.startsWith('/models/standin-marian-nl-en/')
        ? path.join(STANDIN, url.slice(29))
        : url.startsWith('/models/own/standin-marian-nl-en/')
          ? path.join(OWN, url.slice(33))
          : path.join(OUT, url === '/' ? 'index.html' : url.slice(1));
    if (!existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'same-origin',
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(PORT, '127.0.0.1', () => resolve(server)));
}

/** Chromium's renderer processes' resident memory, in MB (the page and its workers run in one). */
function rendererMB() {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

function seed() {
  return readFileSync(path.join(ROOT, 'tests/fixtures/seed-000_9d66e33e2d99ebe9.txt'), 'utf8')
    .split(/\n\n/)
    .map((p) => p.trim());
}

async function main() {
  ensureStandIn();
  if (LAYOUTS.includes('own')) ensureOwnLayout();
  await bundle();
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: findChromium()?.path,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const paragraphs = seed();
  const rows = [];
  let check = null;
  const sameTokens = {};
  const identical = [];
  try {
    for (const dtype of DTYPES) {
      for (const threads of THREADS)
        for (const layout of LAYOUTS) {
          const page = await browser.newPage();
          await page.goto(`http://127.0.0.1:${PORT}/`);
          const idle = rendererMB();
          let peak = idle;
          const sampler = setInterval(() => (peak = Math.max(peak, rendererMB())), 250);
          const ask = (message) =>
            page.evaluate(
              (m) =>
                new Promise((resolve) => {
                  window.w ??= new Worker('/worker.js', { type: 'module' });
                  window.w.onmessage = (e) => resolve(e.data);
                  window.w.onerror = (e) => resolve({ error: e.message });
                  window.w.postMessage(m);
                }),
              message,
            );
          const model = layout === 'own' ? 'own/standin-marian-nl-en' : 'standin-marian-nl-en';
          const loaded = await ask({
            type: 'load',
            dtype,
            threads,
            ort: '/ort/',
            model,
            rewrite: layout === 'rewritten' || layout === 'kernel' ? layout : false,
          });
          const label = `${dtype} × ${threads} thread${threads > 1 ? 's' : ''} ${layout}`;
          if (!loaded.error)
            console.log(
              `${label}: projection ${loaded.projection}${loaded.kernelThreads ? ` (our kernel on ${loaded.kernelThreads} thread${loaded.kernelThreads > 1 ? 's' : ''})` : ''}`,
            );
          if (loaded.error) {
            console.log(`${label}: does not load: ${loaded.error}`);
            rows.push({ dtype, threads, layout, error: loaded.error });
          } else {
            if (!check && layout !== 'kernel') check = await ask({ type: 'check', sentences: paragraphs.slice(0, 3) });
            // The same tokens, greedy and with beams, whatever the layout (the rewrite must not change a word).
            const { tokens } = await ask({ type: 'tokens', sentences: paragraphs.slice(0, 3) });
            if (layout === 'hub') sameTokens[`${dtype} ${threads}`] = { layout, tokens };
            const reference = sameTokens[`${dtype} ${threads}`];
            if ((layout === 'rewritten' || layout === 'kernel') && reference) {
              const same = tokens.filter((t, i) => JSON.stringify(t) === JSON.stringify(reference.tokens[i])).length;
              console.log(
                `${label}: ${same} of ${tokens.length} translations (3 sentences, greedy and beams) token for token those of ${reference.layout}`,
              );
              identical.push({ dtype, layout, against: reference.layout, same, of: tokens.length });
            }
            // Warm-up, not measured: V8 optimises ONNX Runtime's WASM over the first seconds of work, which
            // would otherwise fall on whichever mode runs first.
            await ask({ type: 'today', paragraphs: paragraphs.slice(0, 4) });
            for (const mode of MODES) {
              if (mode === 'assist') {
                const r = await ask({ type: 'assist', paragraphs });
                rows.push({ dtype, threads, layout, mode, ...r });
                console.log(
                  r.error
                    ? `${label} assist: ${r.error}`
                    : `${label} assist: a ${r.sentenceTokens}-token sentence, ${r.typedTokens} tokens typed, ${r.keystrokes} keystrokes: next word ${r.nextWord.median.toFixed(0)} ms median (p90 ${r.nextWord.p90.toFixed(0)}), whole completion ${r.whole.median.toFixed(0)} ms (p90 ${r.whole.p90.toFixed(0)}); alternatives of a ${r.alternativesTokens}-token sentence not asked before: ${r.alternativesMs.toFixed(0)} ms`,
                );
                continue;
              }
              if (mode === 'glossary') {
                // Issue 30: the article with five glossary entries that occur in it, against the same article
                // without, side by side (alternating, twice each), as the app decodes this dtype.
                for (const quality of ['fast', 'best']) {
                  const runs = { plain: [], glossed: [] };
                  for (let rep = 0; rep < 2; rep++)
                    for (const which of ['plain', 'glossed']) {
                      const r = await ask({
                        type: 'ours',
                        paragraphs,
                        quality,
                        batchRows: 8,
                        sentencesApart: apartFor(dtype),
                        terms: which === 'glossed' ? GLOSSARY : [],
                      });
                      if (r.error) throw new Error(r.error);
                      runs[which].push(r);
                    }
                  const wps = (r) => r.words / (r.ms / 1000);
                  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
                  const plain = median(runs.plain.map(wps));
                  const glossed = median(runs.glossed.map(wps));
                  const g = runs.glossed[0];
                  rows.push({
                    dtype,
                    threads,
                    layout,
                    mode: `glossary-${quality}`,
                    plain,
                    glossed,
                    ratio: glossed / plain,
                    termSentences: g.termSentences,
                    placedSentences: g.placedSentences,
                  });
                  console.log(
                    `${label} glossary ${quality}: ${glossed.toFixed(1)} words/s with ${GLOSSARY.length} entries (${g.termSentences} sentences with a term, ${g.placedSentences} placed) vs ${plain.toFixed(1)} without: ${(glossed / plain).toFixed(2)}x (runs ${runs.plain.map((r) => wps(r).toFixed(1)).join('/')} vs ${runs.glossed.map((r) => wps(r).toFixed(1)).join('/')})`,
                  );
                }
                continue;
              }
              if (mode === 'scaling') {
                const r = await ask({ type: 'scaling', text: paragraphs[2], rows: [1, 2, 4, 6, 8, 12, 24] });
                rows.push({ dtype, threads, layout, mode, ...r });
                console.log(
                  `${label} one step, by rows: ${r.error ?? r.scaling.map((s) => `${s.rows}: ${s.ms.toFixed(1)} ms`).join(', ')}`,
                );
                continue;
              }
              // `fast-8-apart`: each sentence decoded on its own, as the app does for q8 (batch independence, issue 31).
              const [quality, batch, apart] = mode.split('-');
              const r =
                mode === 'today'
                  ? await ask({ type: 'today', paragraphs })
                  : await ask({
                      type: 'ours',
                      paragraphs,
                      quality,
                      batchRows: Number(batch),
                      sentencesApart: apart === 'apart',
                    });
              const row = {
                dtype,
                threads,
                layout,
                mode,
                loadMs: Math.round(loaded.loadMs),
                peakMB: Math.round(peak),
                idleMB: Math.round(idle),
                ...r,
              };
              rows.push(row);
              console.log(
                r.error
                  ? `${label} ${mode}: ${r.error}`
                  : `${label} ${mode.padEnd(7)} ${(r.words / (r.ms / 1000)).toFixed(1).padStart(6)} words/s  ${r.stepMs.toFixed(1).padStart(6)} ms/step (${(r.rows / r.steps).toFixed(1)} rows${r.kernelMs ? `, our output layer ${r.kernelMs.toFixed(1)} ms` : ''})  first sentence ${Math.round(r.firstMs)} ms  load ${Math.round(loaded.loadMs)} ms  renderer ${Math.round(peak)} MB`,
              );
            }
          }
          clearInterval(sampler);
          await page.close();
        }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(
    `generate() vs our greedy loop on the stand-in: ${check?.error ?? `${check?.checked - (check?.mismatches?.length ?? 0)} of ${check?.checked} sentences give the same ids`}`,
  );
  writeFileSync(
    path.join(ROOT, 'bench/results-full.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine: `${(await import('node:os')).cpus().length} cores`, check, identical, rows }, null, 2)}\n`,
  );
}

await main();
