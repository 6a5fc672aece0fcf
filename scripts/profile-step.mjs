#!/usr/bin/env node
// npm run profile:step: where one decoder step's time goes, on the full-size stand-in (its q8 files in the Hub's
// structure, as the app runs them), at 1 row (greedy) and 6 rows (6 beams): ONNX Runtime's own per-operator
// profile in its WebAssembly build (the browser's .wasm, run by Node's V8, the engine Chromium runs it with),
// and our JavaScript of the step. Prints a table and writes bench/results-profile-step.json. Not a test.
// PROFILE_THREADS (default 1: with 2 on this 2-core machine ONNX Runtime's profiler inflates every operator's time,
// 29 ms a step profiled for 18 ms not; the unprofiled run() time is printed beside it), PROFILE_ROWS (default 1,6).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureStandIn } from './standin.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const THREADS = Number(process.env.PROFILE_THREADS ?? 1);
const ROWS = (process.env.PROFILE_ROWS ?? '1,6').split(',').map(Number);
const dir = ensureStandIn();
const out = path.join(ROOT, 'bench', 'out', 'profile-step.mjs');
mkdirSync(path.dirname(out), { recursive: true });
await build({
  entryPoints: [path.join(ROOT, 'scripts', 'profile-step', 'child.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  external: ['onnxruntime-web'],
  alias: { '@': ROOT },
  logLevel: 'warning',
});

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const results = [];
for (const rows of ROWS) {
  const run = spawnSync('node', [out, dir, String(rows), String(THREADS)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) throw new Error(`profiling ${rows} rows failed:\n${run.stderr}`);
  const summary = JSON.parse(run.stderr.split('\n').find((l) => l.includes('"tag":"profile-step"')));
  const events = JSON.parse(run.stdout.slice(run.stdout.indexOf('[')));
  // One model_run event a step; its nodes are the Node events inside it. If nodes contain their branch's nodes.
  const runs = events.filter((e) => e.cat === 'Session' && e.name === 'model_run');
  const measured = runs.slice(summary.skip);
  const byOp = new Map();
  const byNode = new Map();
  let nodesUs = 0;
  for (const r of measured) {
    for (const e of events) {
      if (e.cat !== 'Node' || e.ts < r.ts || e.ts > r.ts + r.dur || e.args?.op_name === 'If') continue;
      const op = e.args?.op_name ?? e.name;
      byOp.set(op, (byOp.get(op) ?? 0) + e.dur);
      const node = `${op} ${e.name.replace(/_kernel_time$/, '')} ${JSON.stringify(e.args?.input_type_shape ?? [])}`;
      byNode.set(node, (byNode.get(node) ?? 0) + e.dur);
      nodesUs += e.dur;
    }
  }
  const n = measured.length;
  const stepMs = mean(measured.map((r) => r.dur)) / 1000;
  const ops = [...byOp]
    .map(([op, us]) => ({ op, ms: us / n / 1000 }))
    .sort((a, b) => b.ms - a.ms)
    .map((o) => ({ ...o, share: o.ms / stepMs }));
  const jsMs = mean(summary.js.slice(summary.skip));
  const nodes = [...byNode]
    .map(([node, us]) => ({ node, ms: us / n / 1000 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  results.push({
    rows,
    threads: summary.threads,
    steps_measured: n,
    step_ms: stepMs,
    wall_ms: mean(summary.wall.slice(summary.skip)),
    unprofiled_ms: mean(summary.unprofiled.slice(summary.skip)),
    framework_ms: stepMs - nodesUs / n / 1000,
    ops,
    nodes,
    js_ms: jsMs,
    js_head_ms: mean(summary.jsHead.slice(summary.skip)),
    rewrite: summary.rewrite,
  });
}

for (const r of results) {
  console.log(
    `\n${r.rows} row(s), ${r.threads} threads: step ${r.step_ms.toFixed(2)} ms in ONNX Runtime (run(): ${r.wall_ms.toFixed(2)} ms profiled, ${r.unprofiled_ms.toFixed(2)} ms not), our JavaScript ${r.js_ms.toFixed(2)} ms (${r.js_head_ms.toFixed(2)} ms with the row head)`,
  );
  console.log('| operator | ms a step | share |\n|---|---|---|');
  for (const o of r.ops.slice(0, 10)) console.log(`| ${o.op} | ${o.ms.toFixed(2)} | ${(100 * o.share).toFixed(1)} % |`);
  console.log(
    `| (between operators) | ${r.framework_ms.toFixed(2)} | ${((100 * r.framework_ms) / r.step_ms).toFixed(1)} % |`,
  );
  console.log('heaviest nodes:');
  for (const x of r.nodes) console.log(`  ${x.ms.toFixed(2)} ms  ${x.node}`);
}
const file = path.join(ROOT, 'bench', 'results-profile-step.json');
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), results }, null, 2) + '\n');
console.log(`\nwrote ${path.relative(ROOT, file)}`);
