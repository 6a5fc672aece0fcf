/**
 * The projection rewrite against ONNX Runtime on the unmodified files: one step's logits (both If branches)
 * before and after, on the test model built in the Hub's structure, fp32 and q8; and a file it must not touch.
 * Whole translations before and after: rewrite-translations.test.ts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_MODEL_DIR, TEST_MODEL_ID } from '@/tests/tools/test-model';
import { readOnnxGraph } from './onnx-graph';
import { projectionOf } from './projection';
import { ProtoWriter, splitFields } from './proto-writer';
import { rewriteProjection, type ProjectionRewrite, type SessionExtra } from './rewrite-projection';
import { ensureStandIn } from '@/scripts/standin.mjs';
import { ProjectionKernel } from '@/lib/engine/kernels/projection-kernel';
import { HIDDEN } from './rewrite-writer';

const TEST_MODEL = path.join(TEST_MODEL_DIR, TEST_MODEL_ID);
const file = (name: string, dir = TEST_MODEL) => new Uint8Array(readFileSync(path.join(dir, 'onnx', name)));
type Config = { d_model: number; decoder_layers: number; decoder_attention_heads: number; vocab_size: number };
const configOf = (dir: string): Config => JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));

/** One decoder step, as the engine runs it: the first (no past) or a later one (past of 3 tokens), 2 rows. */
function feeds(config: Config, withPast: boolean) {
  const rows = 2;
  const heads = config.decoder_attention_heads as number;
  const dim = (config.d_model as number) / heads;
  const random = (n: number, seed: number) =>
    Float32Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898 + seed) * 0.5);
  const source = 5;
  const past = withPast ? 3 : 0;
  const f: Record<string, ort.Tensor> = {
    input_ids: new ort.Tensor('int64', BigInt64Array.from([3n, 17n]), [rows, 1]),
    encoder_attention_mask: new ort.Tensor('int64', new BigInt64Array(rows * source).fill(1n), [rows, source]),
    encoder_hidden_states: new ort.Tensor('float32', random(rows * source * config.d_model, 1), [
      rows,
      source,
      config.d_model,
    ]),
    use_cache_branch: new ort.Tensor('bool', [withPast], [1]),
  };
  for (let i = 0; i < config.decoder_layers; i++) {
    for (const [kind, length] of [
      ['decoder', past],
      ['encoder', withPast ? source : 0],
    ] as const) {
      for (const kv of ['key', 'value'])
        f[`past_key_values.${i}.${kind}.${kv}`] = new ort.Tensor(
          'float32',
          random(rows * heads * length * dim, i + length),
          [rows, heads, length, dim],
        );
    }
  }
  return f;
}

async function logits(bytes: Uint8Array, withPast: boolean, config = configOf(TEST_MODEL), extra: SessionExtra = {}) {
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, extra });
  try {
    return (await session.run(feeds(config, withPast))).logits!.data as Float32Array;
  } finally {
    await session.release();
  }
}

/**
 * The largest difference relative to the logits' scale (their largest magnitude): a logit near 0 is not compared
 * with itself alone. The multiplied floats are the same; a constant B is packed for ONNX Runtime's GEMM, which
 * may sum in another order (full size: 3.8e-6 on logits up to 17.8).
 */
const maxRelative = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]!)), 0) / a.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

describe.each([
  ['the test model', 'fp32', 'decoder_model_merged.onnx', 'transposed-table'],
  ['the test model', 'q8', 'decoder_model_merged_quantized.onnx', 'dequantized-table'],
  ['the full-size stand-in', 'fp32', 'decoder_model_merged.onnx', 'transposed-table'],
  ['the full-size stand-in', 'q8', 'decoder_model_merged_quantized.onnx', 'dequantized-table'],
] as const)('the projection rewrite, %s, %s', (model, _dtype, name, found) => {
  // The stand-in is built on demand (scripts/standin.mjs), when this block's tests start.
  const dir = () => (model === 'the test model' ? TEST_MODEL : ensureStandIn());
  let original: Uint8Array;
  let rewritten: { bytes: Uint8Array; rewrite: ProjectionRewrite; session?: SessionExtra };
  beforeAll(() => {
    original = file(name, dir());
    rewritten = rewriteProjection(original);
  }, 120_000);

  it('recognises the Hub structure and moves the chain and the product out of the If, where ONNX Runtime folds the table once', async () => {
    const { bytes, rewrite, session } = rewritten;
    const config = configOf(dir());
    expect(rewrite).toEqual({ path: 'rewritten', found });
    expect(session).toEqual(found === 'dequantized-table' ? { session: { disable_quant_qdq: '1' } } : {});
    const before = projectionOf(readOnnxGraph(original));
    const after = projectionOf(readOnnxGraph(bytes));
    expect(before.sites.map((s) => s.kind)).toEqual([found, found]);
    // One product after the If, reading the chain made once at the top level.
    expect(after.sites.map((s) => [s.graph, s.kind])).toEqual([['main', 'hoisted']]);
    expect(after.tables).toHaveLength(1); // the stored table, still read by the embedding
    expect(after.wholeTablePerStep).toBe(false);
    expect(bytes.length).toBeLessThan(original.length + 1000); // no table computed into the file
    const again = rewriteProjection(bytes);
    expect(again.bytes).toBe(bytes);
    expect(again.rewrite).toMatchObject({ path: 'as-is', found: 'hoisted' });

    // What ONNX Runtime makes of it: one float [d, V] table at the top level, nothing left of the chain in a branch.
    const optimized = path.join(mkdtempSync(path.join(tmpdir(), 'projection-')), 'optimized.onnx');
    const s = await ort.InferenceSession.create(bytes, {
      intraOpNumThreads: 1,
      extra: session ?? {},
      optimizedModelFilePath: optimized,
    });
    await s.release();
    const folded = projectionOf(readOnnxGraph(new Uint8Array(readFileSync(optimized))));
    const transposed = folded.tables.filter((t) => t.dims[0] === config.d_model);
    expect(transposed.map((t) => [t.graph, t.dims, t.dataType])).toEqual([
      ['main', [config.d_model, config.vocab_size], 1],
    ]);
    expect(folded.sites.map((s) => [s.graph, s.chain.slice(1)])).toEqual([['main', ['MatMul']]]);
  }, 120_000);

  it.each([false, true])(
    'one step computes the logits the unmodified file computes (past: %s)',
    { timeout: 120_000 },
    async (withPast) => {
      const config = configOf(dir());
      const [a, b] = [
        await logits(original, withPast, config),
        await logits(rewritten.bytes, withPast, config, rewritten.session),
      ];
      expect(b.length).toBe(a.length);
      expect(maxRelative(a, b)).toBeLessThanOrEqual(1e-5);
    },
  );
});

describe.each([
  ['the test model', () => TEST_MODEL],
  ['the full-size stand-in', () => ensureStandIn()],
] as const)('the cut for our kernel, %s, q8', (_model, dir) => {
  let original: Uint8Array;
  let cut: ReturnType<typeof rewriteProjection>;
  beforeAll(() => {
    original = file('decoder_model_merged_quantized.onnx', dir());
    cut = rewriteProjection(original, { kernel: true });
  }, 120_000);

  it('ends the decoder at its last hidden state and hands over the stored table, its scale, zero point and bias', () => {
    const config = configOf(dir());
    expect(cut.rewrite).toEqual({ path: 'kernel', found: 'dequantized-table' });
    expect(cut.session).toBeUndefined(); // nothing left to fold
    const g = readOnnxGraph(cut.bytes);
    expect(g.outputs).toContain(HIDDEN);
    expect(g.outputs).not.toContain('logits');
    const after = projectionOf(g);
    expect(after.sites).toEqual([]); // no product by the table left in the file
    // The stored table, still read by the embedding, and no other copy of it.
    const tables = g.initializers.filter((t) => t.dims.length === 2 && t.dims.includes(config.vocab_size));
    expect(tables.map((t) => [t.dims, t.dataType])).toEqual([[[config.vocab_size, config.d_model], 2]]);
    expect(g.initializers.some((t) => t.name === 'final_logits_bias')).toBe(false);
    const t = cut.table!;
    expect([t.V, t.d]).toEqual([config.vocab_size, config.d_model]);
    expect(t.table.length).toBe(t.V * t.d);
    expect(t.bias.length).toBe(t.V);
  });

  it.each([false, true])(
    "one step's logits, our kernel on its hidden state, are the unmodified file's to 1e-5 (past: %s)",
    { timeout: 120_000 },
    async (withPast) => {
      const config = configOf(dir());
      const want = await logits(original, withPast, config);
      const session = await ort.InferenceSession.create(cut.bytes, { intraOpNumThreads: 1 });
      const hidden = (await session.run(feeds(config, withPast)))[HIDDEN]!;
      await session.release();
      expect(hidden.dims).toEqual([2, 1, config.d_model]);
      const kernel = ProjectionKernel.embedded(1)!;
      const t = cut.table!;
      const got = kernel.logits(kernel.load(t.table, t.V, t.d, t.scale, t.zp, t.bias), hidden.data as Float32Array, 2);
      expect(got.length).toBe(want.length);
      expect(maxRelative(want, got)).toBeLessThanOrEqual(1e-5);
    },
  );
});

/** The q8 file with one more node in its first If branch, reading `name`: a structure the rewrite does not know. */
function withExtraReader(bytes: Uint8Array, name: string) {
  const extra = new ProtoWriter()
    .string(1, name)
    .string(2, 'extra_read')
    .string(3, 'extra_identity')
    .string(4, 'Identity');
  let appended = false;
  // model.graph (7) > node (1) > attribute (5) > g (6): the first subgraph met gets the node.
  const rebuild = (start: number, end: number, depth: number): ProtoWriter => {
    const w = new ProtoWriter();
    for (const f of splitFields(bytes, start, end)) {
      if (f.body && f.n === [7, 1, 5, 6][depth]) w.message(f.n, rebuild(f.body[0], f.body[1], depth + 1));
      else w.raw(bytes.subarray(f.start, f.end));
    }
    if (depth === 4 && !appended) {
      w.message(1, extra);
      appended = true;
    }
    return w;
  };
  return rebuild(0, bytes.length, 0).finish();
}

describe('a file the rewrite does not recognise', () => {
  it('runs as it is, and says why', async () => {
    const original = file('decoder_model_merged_quantized.onnx');
    // The transposed table, read by one more node: taking the Transpose out of the branch would break it.
    const branch = Object.values(readOnnxGraph(original).nodes.find((n) => n.opType === 'If')!.graphs)[0]!;
    const transposed = branch.nodes.find((n) => n.opType === 'Transpose' && n.inputs[0] === 'embed_quantized')!
      .outputs[0]!;
    const odd = withExtraReader(original, transposed);
    const { bytes, rewrite } = rewriteProjection(odd);
    expect(bytes).toBe(odd);
    expect(rewrite).toEqual({
      path: 'as-is',
      found: 'dequantized-table',
      reason: 'the transposed table is read by more than its DequantizeLinear',
    });
    // ...and is still a valid model that computes what the original does.
    expect(maxRelative(await logits(original, true), await logits(odd, true))).toBe(0);
  });

  it('an encoder has no projection: nothing to do', () => {
    const { bytes, rewrite } = rewriteProjection(file('encoder_model_quantized.onnx'));
    expect(rewrite).toEqual({ path: 'as-is', found: 'none' });
    expect(bytes.length).toBe(file('encoder_model_quantized.onnx').length);
  });
});
