/**
 * Whole translations with the projection rewrite are token for token those of the unmodified files: greedy and
 * with beams, through the engine the app runs, on the test model (both dtypes) and on the full-size stand-in
 * (the real vocabulary and width: 34 M table values; built on demand by scripts/standin.mjs).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TranslationPipeline } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { TEST_MODEL_DIR, TEST_MODEL_ID } from '@/tests/tools/test-model';
import { decodeBatch } from '@/lib/engine/worker/batch-decoder';
import type { BeamSettings } from '@/lib/engine/worker/decoding';
import { engineTokenizer, generationRules } from '@/lib/engine/worker/from-pipeline';
import { MarianSessions, type KernelProjection } from '@/lib/engine/worker/marian-sessions';
import { ProjectionKernel } from '@/lib/engine/kernels/projection-kernel';
import { splitSentences } from '@/lib/engine/shared/sentences';
import { ensureStandIn, STANDIN_DIR, STANDIN_ID } from '@/scripts/standin.mjs';
import { rewriteOnLoad, type LoadedModel } from './rewrite-on-load';

const BEAMS: BeamSettings = { numBeams: 4, lengthPenalty: 1, earlyStopping: false };

/** `rewrite`: the files as they are, the projection rewritten, or (q8) cut for our kernel on `threads` threads. */
async function load(
  dir: string,
  id: string,
  dtype: 'fp32' | 'q8',
  rewrite: false | 'rewritten' | 'kernel',
  threads = 1,
) {
  const loaded: LoadedModel[] = [];
  let projection: KernelProjection | null = null;
  const keep = (m: LoadedModel) => {
    loaded.push(m);
    if (!m.table) return;
    const kernel = ProjectionKernel.embedded(threads)!;
    const t = m.table;
    projection = { kernel, table: kernel.load(t.table, t.V, t.d, t.scale, t.zp, t.bias) };
  };
  // transformers.node hands ONNX Runtime paths; the wrapper reads them, as the browser's bytes.
  const unwrap = rewrite
    ? rewriteOnLoad(
        ort.InferenceSession as never,
        keep,
        (file) => new Uint8Array(readFileSync(file)),
        () => rewrite === 'kernel',
      )
    : () => {};
  try {
    const { env, pipeline } = await import('@huggingface/transformers');
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = `${dir}/`;
    const translator = (await pipeline('translation', id, { dtype, device: 'cpu' })) as TranslationPipeline;
    return { translator, loaded, projection: projection as KernelProjection | null };
  } finally {
    unwrap();
  }
}

/** Each sentence's tokens, decoded on its own (maxNewTokens forced for the stand-in, whose random weights never stop). */
async function tokens(
  { translator, projection }: Awaited<ReturnType<typeof load>>,
  sentences: string[],
  beams: BeamSettings | null,
  forced: boolean,
) {
  const { rules } = generationRules((translator.model as unknown as { generation_config: object }).generation_config);
  const sessions = new MarianSessions(translator as never, projection);
  const tokenizer = engineTokenizer(translator);
  const out: number[][] = [];
  for (const s of sentences) {
    const ids = tokenizer.encode(s);
    const length = forced ? Math.min(24, ids.length + 2) : 40;
    const [r] = await decodeBatch(
      sessions,
      [{ ids, maxNewTokens: length, minNewTokens: forced ? length : 0, beams }],
      rules,
    );
    out.push(beams ? r!.nbest[0]!.tokens : r!.tokens);
  }
  return out;
}

const referenceSentences: string[] = JSON.parse(
  readFileSync(path.join(TEST_MODEL_DIR, TEST_MODEL_ID, 'reference.json'), 'utf8'),
).sentences.map((s: { text: string }) => s.text);
const seedSentences = () =>
  splitSentences(
    readFileSync(path.join(TEST_MODEL_DIR, '../fixtures/seed-000_9d66e33e2d99ebe9.txt'), 'utf8').split(/\n\n/)[1]!,
  )
    .map((s) => s.text)
    .slice(0, 3);

describe.each([
  ['the test model', 'fp32', false, 'rewritten', 1],
  ['the test model', 'q8', false, 'rewritten', 1],
  ['the test model', 'q8', false, 'kernel', 2],
  ['the full-size stand-in', 'q8', true, 'rewritten', 1],
  ['the full-size stand-in', 'q8', true, 'kernel', 2],
  ['the full-size stand-in', 'fp32', true, 'rewritten', 1],
] as const)('translations with the rewrite, %s, %s, %s', (_name, dtype, fullSize, path_, threads) => {
  it('are token for token those of the unmodified files, greedy and with beams', { timeout: 240_000 }, async () => {
    const [dir, id] = fullSize ? [path.dirname(ensureStandIn()), STANDIN_ID] : [TEST_MODEL_DIR, TEST_MODEL_ID];
    expect(dir).toBe(fullSize ? STANDIN_DIR : TEST_MODEL_DIR);
    const sentences = fullSize ? seedSentences() : referenceSentences;
    const plain = await load(dir, id, dtype, false);
    const rewritten = await load(dir, id, dtype, path_, threads);
    expect(rewritten.loaded.filter((m) => m.found !== 'none').map((m) => m.path)).toEqual([path_]);
    // The kernel's path: our product on two threads (a helper worker), in place of ONNX Runtime's.
    for (let i = 0; i < 200 && rewritten.projection && rewritten.projection.kernel.threads < 2; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(rewritten.projection?.kernel.threads ?? 0).toBe(path_ === 'kernel' ? 2 : 0);
    for (const beams of [null, BEAMS]) {
      const [a, b] = [
        await tokens(plain, sentences, beams, fullSize),
        await tokens(rewritten, sentences, beams, fullSize),
      ];
      expect(a.every((t) => t.length > 0)).toBe(true);
      expect(b).toEqual(a);
    }
    await plain.translator.dispose();
    await rewritten.translator.dispose();
    rewritten.projection?.kernel.dispose();
  });
});
