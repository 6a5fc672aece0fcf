#!/usr/bin/env node
/**
 * npm run bench: speed figures for the reader, in Chromium, on the test model. Not a test: it prints
 * a table and writes bench/results.json. Builds the production app (as the browser tests do) unless
 * BENCH_SKIP_BUILD=1, serves it with the self-hosted test model, and measures:
 *   (a) the seed article through the app vs bare pipeline calls on the same sentences, same page
 *   (b) time to the first visible translated paragraph, 1,000 paragraphs vs 10
 *   (c) the longest main-thread task while translating
 */
import { chromium } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { findChromium } from './find-chromium.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SEED = 'amerikaanse-troepen-oostflank';
const env = {
  ...process.env,
  CONTENT_DIR: '.e2e/content',
  NEXT_DIST_DIR: '.next-e2e',
  NEXT_TELEMETRY_DISABLED: '1',
  TRANSLATION_MODEL_SOURCE: 'self',
  TRANSLATION_MODEL_ID: 'tiny-marian-nl-en',
  TRANSLATION_DTYPE: 'fp32',
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function startServer() {
  execSync('node scripts/prepare-e2e.mjs', { stdio: 'inherit', env });
  if (process.env.BENCH_SKIP_BUILD !== '1') execSync('npm run build', { stdio: 'inherit', env });
  const server = spawn('npx', ['next', 'start', '-p', String(PORT)], { env, stdio: 'ignore', detached: true });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${ORIGIN}/nl`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not start');
}

/** Records, in the page, when translation starts, each paragraph finishes, and main-thread stalls. */
function instrument() {
  const w = window;
  w.bench = { start: null, done: [], firstVisible: null, longTasks: [], maxGap: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (w.bench.start !== null) w.bench.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
  const channel = new MessageChannel();
  let last = performance.now();
  channel.port1.onmessage = () => {
    const now = performance.now();
    if (w.bench.start !== null && w.bench.done.length < (w.bench.total ??= document.querySelectorAll('[data-segment]').length)) {
      w.bench.maxGap = Math.max(w.bench.maxGap, now - last);
    }
    last = now;
    setTimeout(() => channel.port2.postMessage(0), 0);
  };
  channel.port2.postMessage(0);
  // Reads only the mutation records (no page-wide queries), so the probe itself adds no layout work.
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type !== 'attributes') continue;
      const state = r.target.getAttribute('data-state');
      if (state === 'translating' && w.bench.start === null) w.bench.start = performance.now();
      if (state === 'done' && r.oldValue !== 'done') {
        w.bench.done.push(performance.now());
        if (w.bench.firstVisible === null) {
          const box = r.target.getBoundingClientRect();
          if (box.bottom > 0 && box.top < innerHeight) w.bench.firstVisible = performance.now();
        }
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'], attributeOldValue: true });
}

async function newContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(instrument);
  // The bare-pipeline side loads transformers.js's self-contained bundle from this origin.
  await context.route(`${ORIGIN}/__bench/transformers.js`, (route) =>
    route.fulfill({
      body: readFileSync('node_modules/@huggingface/transformers/dist/transformers.js'),
      headers: { 'content-type': 'text/javascript', 'cross-origin-resource-policy': 'same-origin' },
    }),
  );
  return context;
}

/**
 * V8 compiles ONNX Runtime's WASM with a baseline compiler first and optimises hot code while it runs;
 * the optimised code is then shared by later workers in the same renderer. So before the app starts
 * (its settings request is held back), a throwaway pipeline warms the runtime up in the same page;
 * otherwise whichever side runs first pays for the tier-up and the comparison measures V8, not the app.
 */
async function appRun(browser, slug, warmup) {
  const context = await newContext(browser);
  let release = () => {};
  const held = new Promise((r) => (release = r));
  if (warmup) await context.route('**/api/translation-config', async (route) => (await held, route.continue()));
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/nl/read/${slug}`);
  if (warmup) {
    await bareRun(page, warmup);
    release();
  }
  const total = await page.locator('[data-segment]').count();
  await page.waitForFunction((n) => window.bench.done.length >= n, total, { timeout: 300_000, polling: 200 });
  const bench = await page.evaluate(() => window.bench);
  return { page, context, bench };
}

/** The same sentences through bare `pipeline()` calls, in a module worker of the same page. */
async function bareRun(page, sentences) {
  return page.evaluate(async ({ origin, sentences }) => {
    const source = `
      import { env, pipeline } from '${origin}/__bench/transformers.js';
      env.allowLocalModels = false;
      env.remoteHost = '${origin}/models/';
      env.remotePathTemplate = '{model}/';
      env.backends.onnx.wasm.wasmPaths = { mjs: '${origin}/ort/ort-wasm-simd-threaded.asyncify.mjs', wasm: '${origin}/ort/ort-wasm-simd-threaded.asyncify.wasm' };
      env.backends.onnx.wasm.numThreads = self.crossOriginIsolated ? Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 1) - 1)) : 1;
      self.onmessage = async ({ data }) => {
        const t = await pipeline('translation', 'tiny-marian-nl-en', { dtype: 'fp32', device: 'wasm' });
        const start = performance.now();
        for (const s of data) {
          // The app's cap (lib/translation/limits.ts): min(512, 2n + 8) for n input tokens.
          const n = t.tokenizer.encode(s.text).length;
          await t(s.text, { max_new_tokens: Math.min(512, 2 * n + 8) });
        }
        self.postMessage(performance.now() - start);
      };`;
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
    const ms = await new Promise((resolve, reject) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage(sentences);
    });
    worker.terminate();
    return ms;
  }, { origin: ORIGIN, sentences });
}

/** Imports one of the app's dependency-free TypeScript modules (Node 20 cannot strip types itself). */
async function importTs(file) {
  const ts = (await import('typescript')).default;
  const out = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const target = path.join(dir, `${path.basename(file, '.ts')}.mjs`);
  writeFileSync(target, out.outputText);
  return import(target);
}

/** The seed's sentences exactly as the app splits them, each with the app's output cap. */
async function seedSentences() {
  const { splitSentences } = await importTs('lib/translation/sentences.ts');
  const seed = readFileSync('tests/fixtures/seed-000_9d66e33e2d99ebe9.txt', 'utf8');
  return seed.split(/\n\n/).flatMap((p) => splitSentences(p.trim())).map((s) => ({ text: s.text }));
}

async function main() {
  const server = await startServer();
  const chromiumPath = findChromium()?.path;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const sentences = await seedSentences();

    // (a) app vs bare, and (c) main-thread stalls during the app runs
    const app = [];
    const bare = [];
    const longest = [];
    for (let i = 0; i < RUNS; i++) {
      const { page, context, bench } = await appRun(browser, SEED, sentences);
      app.push(bench.done.at(-1) - bench.start);
      longest.push(Math.max(bench.maxGap, ...bench.longTasks, 0));
      bare.push(await bareRun(page, sentences));
      await context.close();
    }

    // (b) time to first visible translated paragraph; (c) also measured on the long article
    const first = { 10: [], 1000: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const [n, slug] of [[10, 'tien-alineas'], [1000, 'heel-lang-artikel']]) {
        const context = await newContext(browser);
        const page = await context.newPage();
        await page.goto(`${ORIGIN}/nl/read/${slug}`);
        await page.waitForFunction(() => window.bench.firstVisible !== null, null, { timeout: 120_000, polling: 100 });
        if (n === 1000) await page.waitForTimeout(5000); // keep translating a while, for (c)
        const bench = await page.evaluate(() => window.bench);
        first[n].push(bench.firstVisible);
        if (n === 1000) longest.push(Math.max(bench.maxGap, ...bench.longTasks, 0));
        await context.close();
      }
    }

    // (d) reopening a 300-paragraph article whose translations are all stored
    const reopen = { english: [], dutch: [] };
    {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${ORIGIN}/nl/read/driehonderd-alineas`);
      await page.waitForFunction(() => window.bench.done.length >= 300, null, { timeout: 900_000, polling: 500 });
      for (let i = 0; i < RUNS; i++) {
        await page.goto(`${ORIGIN}/nl/read/driehonderd-alineas`);
        await page.waitForFunction(() => document.querySelectorAll('[data-state="done"]').length >= 300, null, { timeout: 60_000, polling: 'raf' });
        const englishPainted = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
        const dutchPainted = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
        reopen.english.push(englishPainted);
        reopen.dutch.push(dutchPainted);
      }
      await context.close();
    }

    const results = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
      chromium: browser.version(),
      runs: RUNS,
      model: 'tests/model/tiny-marian-nl-en (fp32, WASM)',
      a_seed_article: {
        app_ms: median(app),
        bare_pipeline_ms: median(bare),
        ratio: median(app) / median(bare),
        target: '<= 1.15',
        sentences: sentences.length,
        all_app_ms: app,
        all_bare_ms: bare,
      },
      b_first_visible: {
        p10_ms: median(first[10]),
        p1000_ms: median(first[1000]),
        ratio: median(first[1000]) / median(first[10]),
        target: '<= 1.2',
        all_10_ms: first[10],
        all_1000_ms: first[1000],
      },
      d_reopen_300_stored: {
        all_english_painted_ms: median(reopen.english),
        dutch_painted_ms: median(reopen.dutch),
        ratio: median(reopen.english) / median(reopen.dutch),
        target: '<= 1.3',
        all_english_ms: reopen.english,
        all_dutch_ms: reopen.dutch,
      },
      c_longest_main_thread_task_ms: { max: Math.max(...longest), median: median(longest), target: '< 50', all: longest },
    };
    mkdirSync('bench', { recursive: true });
    writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
    const row = (name, value, target, ok) => `| ${name.padEnd(58)} | ${value.padStart(22)} | ${target.padEnd(8)} | ${ok ? 'yes' : 'NO '} |`;
    const f = (x) => `${x.toFixed(0)} ms`;
    console.log(`\n${results.chromium}, ${results.machine.cpus} cores, median of ${RUNS}\n`);
    console.log(`| ${'measure'.padEnd(58)} | ${'figure'.padStart(22)} | target   | met |`);
    console.log(`|${'-'.repeat(60)}|${'-'.repeat(24)}|----------|-----|`);
    const a = results.a_seed_article;
    console.log(row(`(a) seed article: app ${f(a.app_ms)} vs bare pipeline ${f(a.bare_pipeline_ms)}`, `ratio ${a.ratio.toFixed(3)}`, '<= 1.15', a.ratio <= 1.15));
    const b = results.b_first_visible;
    console.log(row(`(b) first visible: 1,000 par. ${f(b.p1000_ms)} vs 10 par. ${f(b.p10_ms)}`, `ratio ${b.ratio.toFixed(3)}`, '<= 1.2', b.ratio <= 1.2));
    const c = results.c_longest_main_thread_task_ms;
    console.log(row('(c) longest main-thread task while translating', f(c.max), '< 50', c.max < 50));
    const d = results.d_reopen_300_stored;
    console.log(row(`(d) reopen 300 stored: all English ${f(d.all_english_painted_ms)} vs Dutch ${f(d.dutch_painted_ms)}`, `ratio ${d.ratio.toFixed(3)}`, '<= 1.3', d.ratio <= 1.3));
    console.log('\nwrote bench/results.json');
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid);
    } catch {
      // already gone
    }
  }
}

await main();
