#!/usr/bin/env node
// npm run inspect-model -- DIR: what a model folder in transformers.js's layout (DIR/onnx/*.onnx) holds where it
// matters for speed: each file's size, and for decoders the output projection's structure (lib/engine/model-files/):
// where it sits, the tied table's copies, dtypes and sizes, and whether every step dequantizes the whole table.
// Run it on the files you self-host (public/models/<model id>/) or on a copy of the Hub's.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run inspect-model -- DIR   (DIR holds config.json and onnx/*.onnx)');
  process.exit(2);
}
const onnxDir = path.join(path.resolve(dir), 'onnx');
mkdirSync(path.join(root, 'bench', 'out'), { recursive: true });
const out = mkdtempSync(path.join(root, 'bench', 'out', 'inspect-'));
await build({
  stdin: {
    contents: ['onnx-graph', 'projection', 'rewrite-projection']
      .map((m) => `export * from '${root}/lib/engine/model-files/${m}.ts';`)
      .join(' '),
    resolveDir: root,
    loader: 'ts',
  },
  outfile: path.join(out, 'inspect.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});
const { readOnnxGraph, projectionOf, dtypeName, rewriteProjection } = await import(
  pathToFileURL(path.join(out, 'inspect.mjs')).href
);
rmSync(out, { recursive: true, force: true });

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
for (const name of readdirSync(onnxDir)
  .filter((f) => f.endsWith('.onnx'))
  .sort()) {
  const file = path.join(onnxDir, name);
  console.log(`\n${name}  ${mb(statSync(file).size)}`);
  const bytes = new Uint8Array(readFileSync(file));
  const report = projectionOf(readOnnxGraph(bytes));
  if (report.sites.length === 0) {
    console.log('  no output projection (an encoder, or not a Marian decoder)');
    continue;
  }
  console.log(`  vocabulary: ${report.vocabulary}`);
  for (const t of report.tables)
    console.log(`  table ${t.name} [${t.dims.join(', ')}] ${dtypeName(t.dataType)}, ${mb(t.bytes)}, in ${t.graph}`);
  console.log(`  copies of the table in the file: ${report.tables.length}`);
  for (const s of report.sites) console.log(`  projection in ${s.graph}: ${s.chain.join(' > ')}  (${s.kind})`);
  console.log(
    `  whole-table work per step besides the product: ${report.wholeTablePerStep ? 'yes (DequantizeLinear of all of it)' : 'no'}`,
  );
  // The engine's own rewrite, run here on the file: what the reader's browser will do with it at load.
  const started = performance.now();
  const { rewrite } = rewriteProjection(bytes);
  const ms = Math.round(performance.now() - started);
  if (rewrite.path === 'rewritten') {
    const [vocabulary, width] = report.tables[0].dims;
    const folded = vocabulary * width * (report.tables[0].dataType === 10 ? 2 : 4);
    const chain = rewrite.found === 'dequantized-table' ? 'Transpose + DequantizeLinear' : 'Transpose';
    console.log(
      `  what the engine does at load: rewrites it (${ms} ms here): the ${chain} once at the top level, the product after the If; ONNX Runtime folds the ${chain} into one [${width}, ${vocabulary}] table of ${mb(folded)} when the session is created; the embedding keeps the stored table; nothing proportional to the table per step beyond the product`,
    );
  } else
    console.log(
      `  what the engine does at load: runs the file as it is${rewrite.reason ? ` (${rewrite.reason})` : ''}`,
    );
}
