#!/usr/bin/env node
/**
 * npm run bench: speed figures for the reader, in Chromium, on the test model. Not a test: it prints
 * a table and writes bench/results.json. Builds the production app (as the browser tests do) unless
 * BENCH_SKIP_BUILD=1, serves it with the self-hosted test model, and measures:
 *   (a) the seed article through the app vs bare pipeline calls on the same sentences, same page
 *   (b) time to the first visible translated paragraph, 1,000 paragraphs vs 10
 *   (c) the longest main-thread task while translating: on a first visit, and for a returning reader
 *   (d) reopening a 300-paragraph article whose translations are all stored, against the same page in the
 *       Dutch-only view (every paragraph painted), and against its first contentful paint
 *   (e) ONNX Runtime's plain WASM build against the asyncify one (not a target: why the app picks plain)
 *   (f) the 1,000-paragraph article's weight once hydrated: HTML bytes, JS heap after GC (not a target)
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { findChromium } from './find-chromium.mjs';
import * as common from './bench/common.mjs';
import { appRun, bareRun, seedSentences } from './bench/runs.mjs';
import { mainThreadTasks, rendererMainThread, schedstat } from './bench/traces.mjs';
import { report } from './bench/report.mjs';

const { ORIGIN, RUNS, SEED, EXTRA_FLAGS, want, startServer, newContext, instrument } = common;

async function main() {
  const server = await startServer();
  const chromiumPath = findChromium()?.path;
  const args = [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    ...EXTRA_FLAGS,
  ];
  const browser = await chromium.launch({ executablePath: chromiumPath, args });
  try {
    const sentences = await seedSentences();

    // (a) app vs bare, and (c) main-thread stalls during the app runs
    const app = [];
    const bare = [];
    const longest = [];
    for (let i = 0; i < RUNS && (want('a') || want('c')); i++) {
      const { context, bench, bare: bareMs } = await appRun(browser, SEED, sentences, { bareFirst: i % 2 === 1 });
      app.push(bench.done.at(-1) - bench.start);
      longest.push(Math.max(bench.maxGap, ...bench.longTasks, 0));
      bare.push(bareMs);
      await context.close();
    }

    // (b) time to first visible translated paragraph; (c) also measured on the long article
    const first = { 10: [], 1000: [] };
    for (let i = 0; i < RUNS && (want('b') || want('c')); i++) {
      for (const [n, slug] of [
        [10, 'tien-alineas'],
        [1000, 'heel-lang-artikel'],
      ]) {
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

    // (e) ONNX Runtime's plain build (what the app loads on wasm) vs the asyncify build (transformers.js's
    // default, needed only for WebGPU): a fresh worker in a fresh page, no other worker alive.
    const builds = { plain: [], asyncify: [] };
    for (let i = 0; i < RUNS && want('e'); i++) {
      for (const [name, build] of [
        ['plain', 'ort-wasm-simd-threaded'],
        ['asyncify', 'ort-wasm-simd-threaded.asyncify'],
      ]) {
        const context = await newContext(browser);
        await context.route('**/api/translation-config', (route) => route.abort()); // the app stays idle
        const page = await context.newPage();
        await page.goto(`${ORIGIN}/nl/read/${SEED}`);
        builds[name].push(await bareRun(page, sentences, { build, passes: 2 }));
        await context.close();
      }
    }

    // (c) once more on the long article, traced: each main-thread task's wall time and its CPU time.
    // On 2 cores the worker and V8's background compilers keep both busy, and the OS preempts the
    // main thread: the wall time of a task then counts time it was not running at all.
    let traced = null;
    if (want('c')) {
      const context = await newContext(browser);
      const page = await context.newPage();
      await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'toplevel'] });
      await page.goto(`${ORIGIN}/nl/read/heel-lang-artikel`);
      await page.waitForFunction(() => window.bench.start !== null, null, { timeout: 120_000, polling: 20 });
      const pid = rendererMainThread();
      const before = pid && schedstat(pid);
      await page.waitForFunction(() => window.bench.firstVisible !== null, null, { timeout: 120_000, polling: 100 });
      await page.waitForTimeout(8000);
      const after = pid && schedstat(pid);
      traced = mainThreadTasks(JSON.parse((await browser.stopTracing()).toString()));
      // How long the main thread was runnable but left waiting for a CPU, against its time on one.
      if (traced && before && after)
        traced.run_queue = {
          seconds: (after.at - before.at) / 1000,
          on_cpu_ms: after.cpu - before.cpu,
          waiting_ms: after.wait - before.wait,
        };
      await context.close();
    }

    // (c) for a returning reader. The browser keeps ONNX Runtime's compiled code with the cached .wasm,
    // in a profile on disk (Playwright's usual contexts keep none): a first visit translates the seed
    // article, then the 1,000-paragraph article (never translated before) is measured as in (b).
    const returning = { longest: [], firstVisible: [] };
    for (let i = 0; i < RUNS && want('c'); i++) {
      const profile = mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath,
        args,
        viewport: { width: 1280, height: 900 },
      });
      try {
        await context.addInitScript(instrument);
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(`${ORIGIN}/nl/read/${SEED}`);
        const total = await page.locator('[data-segment]').count();
        await page.waitForFunction((n) => window.bench.done.length >= n, total, { timeout: 300_000, polling: 200 });
        await page.waitForTimeout(5000); // the browser stores the compiled code a few seconds after V8 optimised it
        await page.goto(`${ORIGIN}/nl/read/heel-lang-artikel`);
        await page.waitForFunction(() => window.bench.firstVisible !== null, null, { timeout: 120_000, polling: 100 });
        await page.waitForTimeout(5000);
        const bench = await page.evaluate(() => window.bench);
        returning.longest.push(Math.max(bench.maxGap, ...bench.longTasks, 0));
        returning.firstVisible.push(bench.firstVisible);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }

    // (d) reopening a 300-paragraph article whose translations are all stored
    const reopen = { english: [], dutchOnly: [], dutchSameLoad: [], fcp: [], quickOpened: [] };
    if (want('d')) {
      const context = await newContext(browser, { reopen: 300 });
      const page = await context.newPage();
      await page.goto(`${ORIGIN}/nl/read/driehonderd-alineas`);
      await page.waitForFunction(() => document.querySelectorAll('[data-state="done"]').length >= 300, null, {
        timeout: 900_000,
        polling: 500,
      });
      const fcp = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      // Page loads are quick and vary with what else the machine does: more of them than of the other measures.
      for (let i = 0; i < Math.max(RUNS, 9); i++) {
        // The same page in the Dutch-only view (no English needed), and in both columns, in turn.
        for (const view of i % 2 ? ['both', 'nl'] : ['nl', 'both']) {
          // Each load starts from a settled page: navigating away from one still hydrating times that page too.
          await page.waitForFunction(() => document.querySelectorAll('[data-state="done"]').length >= 300, null, {
            timeout: 60_000,
            polling: 100,
          });
          await page.waitForTimeout(500);
          await page.goto(`${ORIGIN}/nl/read/driehonderd-alineas?view=${view}`);
          if (view === 'nl') {
            await page.waitForFunction(() => window.reopen.dutchPainted !== null, null, {
              timeout: 60_000,
              polling: 100,
            });
            reopen.dutchOnly.push(await page.evaluate(() => window.reopen.dutchPainted));
            continue;
          }
          await page.waitForFunction(() => window.reopen.painted !== null, null, { timeout: 60_000, polling: 100 });
          const r = await page.evaluate(fcp);
          reopen.english.push(await page.evaluate(() => window.reopen.painted));
          reopen.dutchSameLoad.push(await page.evaluate(() => window.reopen.dutchPainted));
          reopen.fcp.push(r);
          reopen.quickOpened.push(await page.evaluate(() => window.reopen.quickOpened));
        }
      }
      await context.close();
    }

    // (f) what the 1,000-paragraph article weighs once hydrated, with the translator idle: the page's
    // bytes, and the main thread's JS heap after a full garbage collection. Hydration's objects are
    // what the page's first collections copy while translating (c), so this is tracked on its own.
    const weight = { htmlBytes: null, heapMiB: [] };
    if (want('f')) {
      weight.htmlBytes = (await (await fetch(`${ORIGIN}/nl/read/heel-lang-artikel`)).arrayBuffer()).byteLength;
      for (let i = 0; i < RUNS; i++) {
        const context = await newContext(browser);
        await context.route('**/api/translation-config', (route) => route.abort()); // no model, no worker
        const page = await context.newPage();
        await page.goto(`${ORIGIN}/nl/read/heel-lang-artikel`, { waitUntil: 'networkidle' });
        await page.waitForTimeout(1000);
        const cdp = await context.newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        weight.heapMiB.push((await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20);
        await context.close();
      }
    }

    report(browser, { sentences, app, bare, longest, returning, first, reopen, traced, builds, weight });
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
