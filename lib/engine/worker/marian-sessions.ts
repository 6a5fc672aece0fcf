/**
 * A Marian model's two ONNX sessions as transformers.js loaded them (from the Hub's files, through its cache),
 * driven directly: the encoder once per batch of sentences, the merged decoder once per step, with the cache
 * kept here. transformers.js's own generate() keeps one candidate and stops; our loop needs the logits of every
 * row, every step.
 */
import { Tensor } from '@huggingface/transformers';
import type { LoadedTable, ProjectionKernel } from '@/lib/engine/kernels/projection-kernel';
import { HIDDEN } from '@/lib/engine/model-files/rewrite-writer';

type OrtTensor = Tensor['ort_tensor'];
type Data = Float32Array | Uint16Array | BigInt64Array | Uint8Array | Int32Array;

interface Session {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>;
}

/**
 * The output layer in our kernel, for a decoder the load-time rewrite cut at its last hidden state (q8:
 * lib/engine/model-files/rewrite-projection.ts with `kernel`).
 */
export interface KernelProjection {
  kernel: ProjectionKernel;
  table: LoadedTable;
}

/** What the loop needs of a loaded translation pipeline (transformers.js's `pipeline('translation', …)`). */
export interface LoadedMarian {
  model: { sessions: Record<string, unknown>; config: unknown };
}

export interface MarianShape {
  layers: number;
  heads: number;
  headDim: number;
  dModel: number;
  vocab: number;
}

const ort = (type: string, data: Data, dims: number[]): OrtTensor =>
  new Tensor(type as never, data as never, dims).ort_tensor;

/** A tensor's values on the CPU, float16 read as float32 (the loop reads logits; a fp16 model may give them so). */
export async function floats(tensor: OrtTensor): Promise<Float32Array> {
  const data = (tensor.location === 'cpu' ? tensor.data : await tensor.getData()) as unknown;
  if (data instanceof Float32Array) return data;
  if (data instanceof Uint16Array) return Float32Array.from(data, halfToFloat);
  return Float32Array.from(data as ArrayLike<number>);
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

/**
 * Rows of a [rows, ...] tensor, in the order given (a row may repeat: beams of one sentence). A tensor left on
 * the GPU (WebGPU keeps the cache there) is read back first: correct, if not the fastest way on a GPU.
 */
export async function gatherRows(tensor: OrtTensor, rows: readonly number[]): Promise<OrtTensor> {
  const data = (tensor.location === 'cpu' ? tensor.data : await tensor.getData()) as Data;
  const [n, ...rest] = tensor.dims as number[];
  const size = n ? data.length / n : 0;
  const out = new (data.constructor as new (length: number) => Data)(rows.length * size);
  rows.forEach((row, i) => out.set(data.subarray(row * size, (row + 1) * size) as never, i * size));
  return ort(tensor.type, out, [rows.length, ...rest]);
}

export class MarianSessions {
  readonly shape: MarianShape;
  readonly encoder: Session;
  readonly decoder: Session;
  /** The dtype the decoder's past inputs take (float32, or float16 for a fp16 model with fp16 inputs). */
  private readonly pastType: string;
  /** Decoder steps run, rows decoded in them (and the most in one), the time they took: for bench:full. */
  readonly stats = { steps: 0, rows: 0, maxRows: 0, ms: 0, kernelMs: 0 };

  constructor(
    loaded: LoadedMarian,
    private readonly projection: KernelProjection | null = null,
  ) {
    this.encoder = loaded.model.sessions.model as Session;
    this.decoder = loaded.model.sessions.decoder_model_merged as Session;
    if (!this.encoder || !this.decoder) throw new Error('the model has no encoder and merged decoder');
    const config = loaded.model.config as Record<string, number>;
    const heads = config.decoder_attention_heads!;
    this.shape = {
      layers: config.decoder_layers!,
      heads,
      dModel: config.d_model!,
      headDim: config.d_model! / heads,
      vocab: config.vocab_size!,
    };
    const meta = (this.decoder as unknown as { inputMetadata?: { name: string; type?: string }[] }).inputMetadata;
    this.pastType = meta?.find((m) => m.name === 'past_key_values.0.decoder.key')?.type ?? 'float32';
  }

  /** Encodes sentences (token ids, </s> included), padded to the longest. */
  async encode(sentences: readonly number[][]): Promise<{ hidden: OrtTensor; mask: OrtTensor; length: number }> {
    const length = Math.max(...sentences.map((s) => s.length));
    const ids = new BigInt64Array(sentences.length * length);
    const mask = new BigInt64Array(sentences.length * length);
    sentences.forEach((s, r) =>
      s.forEach((id, t) => {
        ids[r * length + t] = BigInt(id);
        mask[r * length + t] = 1n;
      }),
    );
    const maskTensor = ort('int64', mask, [sentences.length, length]);
    const out = await this.encoder.run({
      input_ids: ort('int64', ids, [sentences.length, length]),
      attention_mask: maskTensor,
    });
    return { hidden: out.last_hidden_state!, mask: maskTensor, length };
  }

  /** Empty past tensors for `rows` rows (the first step: no self-attention past, no cross-attention cache). */
  emptyPast(rows: number): Record<string, OrtTensor> {
    const feeds: Record<string, OrtTensor> = {};
    const { layers, heads, headDim } = this.shape;
    const empty = () =>
      ort(this.pastType, this.pastType === 'float16' ? new Uint16Array(0) : new Float32Array(0), [
        rows,
        heads,
        0,
        headDim,
      ]);
    for (let i = 0; i < layers; i++) {
      for (const kind of ['decoder', 'encoder'])
        for (const kv of ['key', 'value']) feeds[`past_key_values.${i}.${kind}.${kv}`] = empty();
    }
    return feeds;
  }

  /**
   * One decoder step for every row: `tokens` are each row's new tokens, all rows the same number (one, or on a
   * first step the start token and a forced prefix). The first step (no cache) computes the cross-attention
   * K/V; after it they are passed in again from the first step's outputs. Returns each row's logits for its
   * last token.
   */
  async step(
    tokens: readonly (readonly number[])[],
    encoder: { hidden: OrtTensor; mask: OrtTensor },
    past: Record<string, OrtTensor>,
    first: boolean,
  ) {
    const length = tokens[0]?.length ?? 1;
    const feeds: Record<string, OrtTensor> = {
      ...past,
      input_ids: ort(
        'int64',
        BigInt64Array.from(tokens.flat(), (t) => BigInt(t)),
        [tokens.length, length],
      ),
      encoder_attention_mask: encoder.mask,
      encoder_hidden_states: encoder.hidden,
      use_cache_branch: ort('bool', new Uint8Array([first ? 0 : 1]), [1]),
    };
    const started = performance.now();
    const out = await this.decoder.run(feeds);
    // The step's time includes our kernel's product where the decoder was cut for it.
    const logits = await this.logitsOf(out, tokens.length, length);
    this.stats.steps++;
    this.stats.rows += tokens.length;
    this.stats.maxRows = Math.max(this.stats.maxRows, tokens.length);
    this.stats.ms += performance.now() - started;
    return { logits, present: out };
  }

  /** Each row's logits for its last position: ONNX Runtime's, or our kernel's from the last hidden states. */
  private async logitsOf(out: Record<string, OrtTensor>, rows: number, length: number) {
    const hidden = out[HIDDEN];
    if (!hidden) {
      const all = await floats(out.logits!);
      return length === 1 ? all : lastPositions(all, rows, length, this.shape.vocab);
    }
    if (!this.projection) throw new Error('the decoder gives hidden states, and no output layer was loaded for them');
    const { kernel, table } = this.projection;
    const all = await floats(hidden);
    const started = performance.now();
    const logits = kernel.logits(table, length === 1 ? all : lastPositions(all, rows, length, table.d), rows);
    this.stats.kernelMs += performance.now() - started;
    return logits;
  }
}

/** [rows, length, width] to [rows, width]: each row's last position (logits, or hidden states). */
function lastPositions(values: Float32Array, rows: number, length: number, width: number): Float32Array {
  const out = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++)
    out.set(values.subarray((r * length + length - 1) * width, (r * length + length) * width), r * width);
  return out;
}
