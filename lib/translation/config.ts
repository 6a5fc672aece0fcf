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

export interface EngineConfig {
  modelId: string;
  revision: string;
  /** `hub`: the Hugging Face Hub (or a mirror at hubUrl); `self`: this app's own origin under /models/. */
  source: ModelSource;
  hubUrl: string;
  dtype: Dtype;
  device: Device;
  /** Where ONNX Runtime's .wasm/.mjs files are served on this origin. */
  wasmPath: string;
  /** ONNX Runtime threads; null: all cores but one, at most 4. Does not change the output. */
  threads: number | null;
}

/** The thread count for this device: the configured one, or one core left to the page, 1 to 4. */
export function threadCount(configured: number | null, cores: number | undefined): number {
  if (configured) return configured;
  return Math.max(1, Math.min(4, (cores || 1) - 1));
}

/**
 * Everything that shapes the output, other than the text. Bump when the way we
 * call the model changes (sentence splitting, chunking, decoding), so stored
 * translations made the old way are not shown as current.
 */
export const DECODING = { strategy: 'greedy', sentenceSplit: 'intl-segmenter-nl+abbrev', maxNewTokens: '2n+8<=512', version: 1 } as const;

export const DEFAULT_CONFIG: EngineConfig = {
  modelId: 'Xenova/opus-mt-nl-en',
  revision: 'main',
  source: 'hub',
  hubUrl: 'https://huggingface.co/',
  dtype: 'q8',
  device: 'wasm',
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
  if (!MODEL_ID.test(modelId) || modelId.includes('..')) throw new Error(`TRANSLATION_MODEL_ID is not a model id: "${modelId}"`);
  const hubUrl = env.TRANSLATION_HUB_URL || DEFAULT_CONFIG.hubUrl;
  if (!/^https?:\/\//.test(hubUrl)) throw new Error(`TRANSLATION_HUB_URL must be an http(s) URL; got "${hubUrl}"`);
  return {
    modelId,
    revision: env.TRANSLATION_MODEL_REVISION || DEFAULT_CONFIG.revision,
    source: pick(env.TRANSLATION_MODEL_SOURCE, SOURCES, DEFAULT_CONFIG.source, 'TRANSLATION_MODEL_SOURCE'),
    hubUrl: hubUrl.endsWith('/') ? hubUrl : `${hubUrl}/`,
    dtype: pick(env.TRANSLATION_DTYPE, DTYPES, DEFAULT_CONFIG.dtype, 'TRANSLATION_DTYPE'),
    device: pick(env.TRANSLATION_DEVICE, DEVICES, DEFAULT_CONFIG.device, 'TRANSLATION_DEVICE'),
    wasmPath: DEFAULT_CONFIG.wasmPath,
    threads: parseThreads(env.TRANSLATION_THREADS),
  };
}

function parseThreads(value: string | undefined): number | null {
  if (value === undefined || value === '' || value === 'auto') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 16) throw new Error(`TRANSLATION_THREADS must be auto or 1 to 16; got "${value}"`);
  return n;
}

/**
 * Key for stored machine translations: changes whenever anything that shapes
 * the output changes (model, revision, where it came from, dtype, device, decoding).
 */
export function translationCacheKey(config: EngineConfig): string {
  return cacheKeyOf(config, DECODING.version);
}

/**
 * The key itself. The quick-open script (lib/quick-open/paint-stored.ts) imports it too, so the page and
 * the app always compute the same key.
 */
export function cacheKeyOf(config: Pick<EngineConfig, 'modelId' | 'revision' | 'source' | 'hubUrl' | 'dtype' | 'device'>, decodingVersion: number): string {
  const origin = config.source === 'hub' ? config.hubUrl : 'self';
  return [config.modelId, config.revision, origin, config.dtype, config.device, `decoding-v${decodingVersion}`].join('|');
}
