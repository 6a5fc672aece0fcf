/**
 * Where the model comes from and how it runs. Read on the server from the
 * environment at request time (see app/api/translation-config), so a
 * self-hoster changes a setting with a restart, not a rebuild.
 */
export const DEVICES = ['wasm', 'webgpu', 'auto'] as const;
export type Device = (typeof DEVICES)[number];
export type ResolvedDevice = 'wasm' | 'webgpu';

export const DTYPES = ['q8', 'int8', 'uint8', 'q4', 'fp16', 'fp32'] as const;
export type Dtype = (typeof DTYPES)[number];

export const SOURCES = ['hub', 'self'] as const;
export type ModelSource = (typeof SOURCES)[number];

/** best: beam search as the model's generation config asks (its published quality); fast: greedy. */
export const QUALITIES = ['best', 'fast'] as const;
export type Quality = (typeof QUALITIES)[number];

/** The model files a dtype can be set for one by one. */
export const MODEL_FILES = ['encoder_model', 'decoder_model_merged'] as const;

export interface EngineConfig {
  modelId: string;
  revision: string;
  /** `hub`: the Hugging Face Hub (or a mirror at hubUrl); `self`: this app's own origin under /models/. */
  source: ModelSource;
  hubUrl: string;
  /** One dtype for both files (`q8`), or one per file (`encoder_model:fp32,decoder_model_merged:q8`). */
  dtype: string;
  device: Device;
  quality: Quality;
  /**
   * Decoder rows per step at most (a sentence: 1 greedy, num_beams with beams). Never changes the output: with
   * files that quantize activations per tensor (q8), sentences are decoded apart whatever it says.
   */
  batchRows: number;
  /** Where ONNX Runtime's .wasm/.mjs files are served on this origin. */
  wasmPath: string;
  /** The engine's threads (ONNX Runtime's and our kernel's helper); null: both cores of 2, else all but one, at most 4. Does not change the output. */
  threads: number | null;
}

/** The thread count for this device: the configured one, or one core left to the page, 1 to 4. */
export function threadCount(configured: number | null, cores: number | undefined): number {
  if (configured) return configured;
  // Measured on the full-size stand-in (npm run bench:full): on 2 cores a 2nd thread is faster than leaving a
  // core to the page (reading needs little of it). From 3 cores one is left for the page; beyond 4 the
  // decoder's small matrices gain little.
  const n = cores || 1;
  return Math.max(1, Math.min(4, n <= 2 ? n : n - 1));
}

/**
 * Everything that shapes the output, other than the text. Bump when the way we
 * call the model changes (sentence splitting, chunking, decoding), so stored
 * translations made the old way are not shown as current. Version 3: q8 sentences are decoded apart
 * (sentencesApartFor); those stored by version 2 may have depended on their neighbours, so they are made again.
 */
export const DECODING = {
  loop: 'own decoder loop, generate() semantics',
  sentenceSplit: 'intl-segmenter-nl+abbrev',
  maxNewTokens: '2n+8<=512',
  sentences: 'apart when per-tensor quantized',
  version: 3,
} as const;

export const DEFAULT_CONFIG: EngineConfig = {
  modelId: 'Xenova/opus-mt-nl-en',
  revision: 'main',
  source: 'hub',
  hubUrl: 'https://huggingface.co/',
  dtype: 'q8',
  device: 'wasm',
  quality: 'best',
  batchRows: 8,
  // The build names the folder after ONNX Runtime's version and content (next.config.mjs, scripts/copy-ort.mjs).
  wasmPath: process.env.TWEETALIG_ORT_PATH || '/ort/',
  threads: null,
};

const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/;

function pick<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${name} must be one of ${allowed.join(', ')}; got "${value}"`);
}

/** The config from TRANSLATION_* variables; throws a clear message for an invalid value. */
export function configFromEnv(env: Record<string, string | undefined>): EngineConfig {
  const modelId = env.TRANSLATION_MODEL_ID || DEFAULT_CONFIG.modelId;
  if (!MODEL_ID.test(modelId) || modelId.includes('..'))
    throw new Error(`TRANSLATION_MODEL_ID is not a model id: "${modelId}"`);
  const hubUrl = env.TRANSLATION_HUB_URL || DEFAULT_CONFIG.hubUrl;
  if (!/^https?:\/\//.test(hubUrl)) throw new Error(`TRANSLATION_HUB_URL must be an http(s) URL; got "${hubUrl}"`);
  return {
    modelId,
    revision: env.TRANSLATION_MODEL_REVISION || DEFAULT_CONFIG.revision,
    source: pick(env.TRANSLATION_MODEL_SOURCE, SOURCES, DEFAULT_CONFIG.source, 'TRANSLATION_MODEL_SOURCE'),
    hubUrl: hubUrl.endsWith('/') ? hubUrl : `${hubUrl}/`,
    dtype: parseDtype(env.TRANSLATION_DTYPE),
    device: pick(env.TRANSLATION_DEVICE, DEVICES, DEFAULT_CONFIG.device, 'TRANSLATION_DEVICE'),
    quality: pick(env.TRANSLATION_QUALITY, QUALITIES, DEFAULT_CONFIG.quality, 'TRANSLATION_QUALITY'),
    batchRows: parseCount(env.TRANSLATION_BATCH, 'TRANSLATION_BATCH', 64) ?? DEFAULT_CONFIG.batchRows,
    wasmPath: DEFAULT_CONFIG.wasmPath,
    threads: parseThreads(env.TRANSLATION_THREADS),
  };
}

function parseThreads(value: string | undefined): number | null {
  if (value === 'auto') return null;
  return parseCount(value, 'TRANSLATION_THREADS', 16, 'auto or ');
}

function parseCount(value: string | undefined, name: string, max: number, also = ''): number | null {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be ${also}1 to ${max}; got "${value}"`);
  return n;
}

/**
 * Dtypes whose files quantize activations with one scale per tensor (onnxruntime's quantize_dynamic writes
 * DynamicQuantizeLinear before each MatMulInteger): sentences decoded together, or padded in one encoder batch,
 * would change one another's scales, and so their words.
 */
const PER_TENSOR_ACTIVATIONS: readonly string[] = ['q8', 'int8', 'uint8'];

/**
 * Whether each sentence must be decoded on its own (its beams together, as Hugging Face runs them) for its
 * translation to be what the files compute for it alone: true when any file quantizes activations per tensor.
 */
export function sentencesApartFor(dtype: string): boolean {
  const option = dtypeOption(dtype);
  const dtypes = option === null ? [] : typeof option === 'string' ? [option] : Object.values(option);
  return dtypes.some((d) => PER_TENSOR_ACTIVATIONS.includes(d));
}

/** `q8`, or `encoder_model:fp32,decoder_model_merged:q8`: the form transformers.js's `dtype` option takes, per file. */
export function dtypeOption(dtype: string): Dtype | Record<string, Dtype> | null {
  if ((DTYPES as readonly string[]).includes(dtype)) return dtype as Dtype;
  const parts = dtype.split(',').map((part) => part.split(':') as [string, string]);
  const valid = parts.every(
    ([file, d]) => (MODEL_FILES as readonly string[]).includes(file) && (DTYPES as readonly string[]).includes(d),
  );
  return valid && parts.length > 0 ? (Object.fromEntries(parts) as Record<string, Dtype>) : null;
}

function parseDtype(value: string | undefined): string {
  if (value === undefined || value === '') return DEFAULT_CONFIG.dtype;
  if (dtypeOption(value)) return value;
  throw new Error(
    `TRANSLATION_DTYPE must be one of ${DTYPES.join(', ')}, or file:dtype pairs (${MODEL_FILES.join(', ')}); got "${value}"`,
  );
}

/**
 * Key for stored machine translations: changes whenever anything that shapes the output changes (model,
 * revision, where it came from, dtype, device, decoding and its quality). A reader's machine translations
 * from an earlier decoding are made again; corrections are keyed by the Dutch alone and are untouched.
 */
export function translationCacheKey(config: EngineConfig): string {
  return cacheKeyOf(config, DECODING.version);
}

/**
 * The key itself. The quick-open script (lib/quick-open/paint-stored.ts) imports it too, so the page and
 * the app always compute the same key.
 */
export function cacheKeyOf(
  config: Pick<EngineConfig, 'modelId' | 'revision' | 'source' | 'hubUrl' | 'dtype' | 'device' | 'quality'>,
  decodingVersion: number,
): string {
  const origin = config.source === 'hub' ? config.hubUrl : 'self';
  return [
    config.modelId,
    config.revision,
    origin,
    config.dtype,
    config.device,
    `decoding-v${decodingVersion}`,
    config.quality,
  ].join('|');
}
