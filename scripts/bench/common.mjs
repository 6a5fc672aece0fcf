// npm run bench's shared parts: settings, the server, the page instrumentation, browser contexts.
import { execSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const PORT = Number(process.env.BENCH_PORT ?? 3200);
export const ORIGIN = `http://127.0.0.1:${PORT}`;
export const RUNS = Number(process.env.BENCH_RUNS ?? 3);
export const SEED = 'amerikaanse-troepen-oostflank';
export const env = {
  ...process.env,
  CONTENT_DIR: '.e2e/content',
  NEXT_DIST_DIR: '.next-e2e',
  NEXT_TELEMETRY_DISABLED: '1',
  TRANSLATION_MODEL_SOURCE: 'self',
  TRANSLATION_MODEL_ID: 'tiny-marian-nl-en',
  TRANSLATION_DTYPE: 'fp32',
  // Greedy, as the bare pipeline() it is compared with in (a): the app's overhead, not beam search's cost
  // (that is bench:full's subject).
  TRANSLATION_QUALITY: 'fast',
};
// BENCH_ONLY=a,d runs some measures only (for working on one); then bench/results.json is left alone.
// BENCH_CHROMIUM_FLAGS adds Chromium flags, for control runs (e.g. --js-flags=--liftoff-only: V8's optimising
// WASM compiler off); it too leaves bench/results.json alone, as its figures are not the app's.
export const EXTRA_FLAGS = (process.env.BENCH_CHROMIUM_FLAGS ?? '').split(' ').filter(Boolean);
export const ONLY = process.env.BENCH_ONLY
  ? new Set(process.env.BENCH_ONLY.split(','))
  : EXTRA_FLAGS.length
    ? new Set('abcdef')
    : null;
export const want = (measure) => !ONLY || ONLY.has(measure);
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function startServer() {
  execSync('node scripts/prepare-e2e.mjs', { stdio: 'inherit', env });
  if (process.env.BENCH_SKIP_BUILD !== '1') execSync('npm run build', { stdio: 'inherit', env });
  const server = spawn('node', ['scripts/serve.mjs', '-p', String(PORT)], { env, stdio: 'ignore', detached: true });
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
export function instrument() {
  const w = window;
  w.bench = { start: null, done: [], firstVisible: null, longTasks: [], maxGap: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (w.bench.start !== null) w.bench.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
  // A 10 ms timer: how late it fires is how long the main thread could not run anything, whether one task
  // held it or the OS did not schedule it. (An earlier probe re-posted itself without delay: it kept the
  // main thread busy the whole time, and on 2 cores took a core from the worker in every measure.)
  const TICK = 10;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    if (
      w.bench.start !== null &&
      w.bench.done.length < (w.bench.total ??= document.querySelectorAll('[data-segment]').length)
    ) {
      w.bench.maxGap = Math.max(w.bench.maxGap, now - last - TICK);
    }
    last = now;
    setTimeout(tick, TICK);
  };
  setTimeout(tick, TICK);
  // Reads only the mutation records (no page-wide queries), so the probe itself adds no layout work.
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type !== 'attributes') continue;
      const state = r.target.getAttribute('data-state');
      if (state === 'translating' && w.bench.start === null) {
        w.bench.start = performance.now();
        performance.mark('bench:translating'); // where (c)'s trace window starts
      }
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

/**
 * For (d): the frame after every pair's Dutch is in the page (the whole article parsed), and the frame
 * after every pair also shows its English, whether the page's quick-open script wrote it or the app
 * rendered it. Timed in the page (a round trip from this script would add ~100 ms). `total` is the
 * article's pair count: the HTML goes on well past the article (the app's payload), so the end of
 * parsing is not the moment the article is all there.
 */
export function watchEnglish(total) {
  const w = window;
  w.reopen = { shown: null, painted: null, quickOpened: 0, dutchPainted: null };
  let dutch = false;
  new MutationObserver(() => {
    if (w.reopen.shown !== null) return;
    const n = document.querySelectorAll('[data-segment]').length;
    if (n < total) return;
    if (!dutch) {
      dutch = true;
      requestAnimationFrame(() => (w.reopen.dutchPainted = performance.now()));
    }
    if (document.querySelectorAll('[data-state="done"], [data-quick-open]:not(:empty)').length >= n) {
      w.reopen.shown = performance.now();
      w.reopen.quickOpened = document.querySelectorAll('[data-quick-open]:not(:empty)').length;
      requestAnimationFrame(() => (w.reopen.painted = performance.now()));
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-state'],
  });
}

export async function newContext(browser, { reopen = 0 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // (d) times page loads: without the translation probes (their 10 ms timer and observers) in the way.
  if (reopen) await context.addInitScript(watchEnglish, reopen);
  else await context.addInitScript(instrument);
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
 * V8 compiles ONNX Runtime's WASM with a baseline compiler first and optimises hot functions while it
 * runs (seconds of background compilation for the 14 MB module). A worker that instantiates the same
 * bytes while another still holds the module shares its compiled code, optimised functions included;
 * a worker started after the last holder ended compiles everything again. So before the app starts
 * (its settings request is held back), a throwaway pipeline warms the runtime up in a worker of the
 * same page that stays alive until the measured runs are over: the app's worker and the bare one then
 * both start from the same warm code, and the comparison measures the app, not V8's tier-up.
 */
