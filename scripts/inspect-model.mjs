#!/usr/bin/env node
// npm run inspect-model -- DIR: what a model folder in transformers.js's layout (DIR/onnx/*.onnx) holds where it
// matters for speed: each file's size, and for decoders the output projection's structure (lib/model-files/):
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
  stdin: { contents: `export * from '${root}/lib/model-files/onnx-graph.ts'; export * from '${root}/lib/model-files/projection.ts';`, resolveDir: root, loader: 'ts' },
  outfile: path.join(out, 'inspect.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});
const { readOnnxGraph, projectionOf, dtypeName } = await import(pathToFileURL(path.join(out, 'inspect.mjs')).href);
rmSync(out, { recursive: true, force: true });

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const ENGINE = {
  'dequantized-table': 'none yet: runs the file as it is, dequantizing the whole table on every step (issue 26 plans a load-time rewrite)',
  'transposed-table': 'none: runs the file as it is (ONNX Runtime folds the Transpose, once per If branch: one more copy of the table in memory per branch)',
  direct: 'none needed: the product reads the table as stored',
  unknown: 'none: runs the file as it is',
};
for (const name of readdirSync(onnxDir).filter((f) => f.endsWith('.onnx')).sort()) {
  const file = path.join(onnxDir, name);
  console.log(`\n${name}  ${mb(statSync(file).size)}`);
  const report = projectionOf(readOnnxGraph(new Uint8Array(readFileSync(file))));
  if (report.sites.length === 0) {
    console.log('  no output projection (an encoder, or not a Marian decoder)');
    continue;
  }
  console.log(`  vocabulary: ${report.vocabulary}`);
  for (const t of report.tables) console.log(`  table ${t.name} [${t.dims.join(', ')}] ${dtypeName(t.dataType)}, ${mb(t.bytes)}, in ${t.graph}`);
  console.log(`  copies of the table in the file: ${report.tables.length}`);
  for (const s of report.sites) console.log(`  projection in ${s.graph}: ${s.chain.join(' > ')}  (${s.kind})`);
  console.log(`  whole-table work per step besides the product: ${report.wholeTablePerStep ? 'yes (DequantizeLinear of all of it)' : 'no'}`);
  const kinds = [...new Set(report.sites.map((s) => s.kind))];
  console.log(`  what the engine does: ${kinds.map((k) => ENGINE[k]).join('; ')}`);
}
