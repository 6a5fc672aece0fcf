// npm run bench's runs: the app on an article, and bare pipeline calls on the same sentences.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { ortFolder } from '../ort-files.mjs';
import { ORIGIN, newContext } from './common.mjs';

export async function appRun(browser, slug, warmup, { bareFirst = false } = {}) {
  const context = await newContext(browser);
  let release = () => {};
  const held = new Promise((r) => (release = r));
  if (warmup) await context.route('**/api/translation-config', async (route) => (await held, route.continue()));
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/nl/read/${slug}`);
  let bare = null;
  if (warmup) {
    await bareRun(page, [...warmup, ...warmup], { keep: true }); // twice: most hot functions are optimised by then
    // Half the runs measure the bare pipeline before the app and half after, so neither side gains from going second.
    if (bareFirst) bare = await bareRun(page, warmup);
    release();
  }
  const total = await page.locator('[data-segment]').count();
  await page.waitForFunction((n) => window.bench.done.length >= n, total, { timeout: 300_000, polling: 200 });
  const bench = await page.evaluate(() => window.bench);
  if (warmup && !bareFirst) bare = await bareRun(page, warmup);
  return { page, context, bench, bare };
}

/** The same sentences through bare `pipeline()` calls, in a module worker of the same page. */
export async function bareRun(page, sentences, { keep = false, build = 'ort-wasm-simd-threaded', passes = 1 } = {}) {
  return page.evaluate(
    async ({ origin, sentences, keep, build, passes, folder }) => {
      const source = `
      import { env, pipeline } from '${origin}/__bench/transformers.js';
      env.allowLocalModels = false;
      env.remoteHost = '${origin}/models/';
      env.remotePathTemplate = '{model}/';
      // The same ONNX Runtime build the app loads for device wasm (lib/engine/shared/runtime-files.ts).
      env.backends.onnx.wasm.wasmPaths = { mjs: '${origin}/ort/${folder}/${build}.mjs', wasm: '${origin}/ort/${folder}/${build}.wasm' };
      env.useWasmCache = false; // as the app: ONNX Runtime streams in and compiles its own .wasm
      // The app's thread count (lib/engine/shared/config.ts threadCount): both of 2 cores, else all but one, at most 4.
      const cores = navigator.hardwareConcurrency || 1;
      env.backends.onnx.wasm.numThreads = self.crossOriginIsolated ? Math.max(1, Math.min(4, cores <= 2 ? cores : cores - 1)) : 1;
      self.onmessage = async ({ data }) => {
        const loading = performance.now();
        const t = await pipeline('translation', 'tiny-marian-nl-en', { dtype: 'fp32', device: 'wasm' });
        const times = [performance.now() - loading];
        for (let pass = 0; pass < ${passes}; pass++) {
          const start = performance.now();
          for (const s of data) {
            // The app's cap (lib/engine/shared/limits.ts): min(512, 2n + 8) for n input tokens.
            const n = t.tokenizer.encode(s.text).length;
            await t(s.text, { max_new_tokens: Math.min(512, 2 * n + 8) });
          }
          times.push(performance.now() - start);
        }
        self.postMessage(${passes} === 1 ? times[1] : times);
      };`;
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), {
        type: 'module',
      });
      const ms = await new Promise((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(e.message));
        worker.postMessage(sentences);
      });
      if (keep) (window.benchWarmWorkers ??= []).push(worker);
      else worker.terminate();
      return ms;
    },
    { origin: ORIGIN, sentences, keep, build, passes, folder: ortFolder() },
  );
}

/** The renderer main thread's tasks after the 'bench:translating' mark: the longest by wall time, and by CPU time. */

export async function importTs(file) {
  const ts = (await import('typescript')).default;
  const out = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const target = path.join(dir, `${path.basename(file, '.ts')}.mjs`);
  writeFileSync(target, out.outputText);
  return import(target);
}

/** The seed's sentences exactly as the app splits them, each with the app's output cap. */
export async function seedSentences() {
  const { splitSentences } = await importTs('lib/engine/shared/sentences.ts');
  const seed = readFileSync('tests/fixtures/seed-000_9d66e33e2d99ebe9.txt', 'utf8');
  return seed
    .split(/\n\n/)
    .flatMap((p) => splitSentences(p.trim()))
    .map((s) => ({ text: s.text }));
}
