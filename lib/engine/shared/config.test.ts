import { describe, expect, it } from 'vitest';
import { configFromEnv, DEFAULT_CONFIG, threadCount, translationCacheKey, type EngineConfig } from './config';

describe('engine configuration', () => {
  it('defaults to opus-mt-nl-en from the Hub, q8 on WASM', () => {
    expect(configFromEnv({})).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG).toMatchObject({
      modelId: 'Xenova/opus-mt-nl-en',
      source: 'hub',
      dtype: 'q8',
      device: 'wasm',
    });
  });

  it('reads every setting from TRANSLATION_* variables', () => {
    expect(
      configFromEnv({
        TRANSLATION_MODEL_ID: 'acme/opus-mt-nl-en-finetuned',
        TRANSLATION_MODEL_REVISION: 'v2',
        TRANSLATION_MODEL_SOURCE: 'self',
        TRANSLATION_DTYPE: 'fp32',
        TRANSLATION_DEVICE: 'auto',
        TRANSLATION_HUB_URL: 'https://hub.example.org',
        TRANSLATION_THREADS: '2',
        TRANSLATION_QUALITY: 'fast',
        TRANSLATION_BATCH: '8',
      }),
    ).toEqual({
      modelId: 'acme/opus-mt-nl-en-finetuned',
      revision: 'v2',
      source: 'self',
      dtype: 'fp32',
      device: 'auto',
      hubUrl: 'https://hub.example.org/',
      wasmPath: '/ort/',
      threads: 2,
      quality: 'fast',
      batchRows: 8,
    });
    expect(configFromEnv({ TRANSLATION_DTYPE: 'encoder_model:q8,decoder_model_merged:fp32' }).dtype).toBe(
      'encoder_model:q8,decoder_model_merged:fp32',
    );
  });

  it('rejects invalid values with a message naming the variable', () => {
    expect(() => configFromEnv({ TRANSLATION_DEVICE: 'gpu' })).toThrow(
      /TRANSLATION_DEVICE must be one of wasm, webgpu, auto/,
    );
    expect(() => configFromEnv({ TRANSLATION_DTYPE: 'q3' })).toThrow(/TRANSLATION_DTYPE/);
    expect(() => configFromEnv({ TRANSLATION_MODEL_ID: '../../etc' })).toThrow(/TRANSLATION_MODEL_ID/);
    expect(() => configFromEnv({ TRANSLATION_HUB_URL: 'ftp://x' })).toThrow(/TRANSLATION_HUB_URL/);
    expect(() => configFromEnv({ TRANSLATION_THREADS: 'many' })).toThrow(/TRANSLATION_THREADS/);
    expect(() => configFromEnv({ TRANSLATION_QUALITY: 'perfect' })).toThrow(
      /TRANSLATION_QUALITY must be one of best, fast/,
    );
    expect(() => configFromEnv({ TRANSLATION_BATCH: '0' })).toThrow(/TRANSLATION_BATCH/);
    expect(() => configFromEnv({ TRANSLATION_DTYPE: 'decoder_model_merged:q3' })).toThrow(/TRANSLATION_DTYPE/);
  });

  it('changes the translation cache key when any setting that shapes the output changes', () => {
    const base = translationCacheKey(DEFAULT_CONFIG);
    const changes: Partial<EngineConfig>[] = [
      { modelId: 'Helsinki-NLP/opus-mt-nl-en' },
      { revision: 'abc123' },
      { source: 'self' },
      { hubUrl: 'https://mirror.example.org/' },
      { dtype: 'fp32' },
      { device: 'webgpu' },
      { device: 'auto' },
      { quality: 'fast' },
      { dtype: 'encoder_model:q8,decoder_model_merged:fp32' },
    ];
    const keys = changes.map((c) => translationCacheKey({ ...DEFAULT_CONFIG, ...c }));
    for (const key of keys) expect(key).not.toBe(base);
    expect(new Set(keys).size).toBe(keys.length);
    // …and only then: the ORT file location does not shape the output.
    expect(translationCacheKey({ ...DEFAULT_CONFIG, wasmPath: '/elsewhere/' })).toBe(base);
    expect(translationCacheKey({ ...DEFAULT_CONFIG, threads: 3 })).toBe(base);
    expect(translationCacheKey({ ...DEFAULT_CONFIG, batchRows: 16 })).toBe(base); // batching never changes the English
  });

  it('leaves one core to the page unless told otherwise', () => {
    expect(threadCount(null, 2)).toBe(2);
    expect(threadCount(null, 4)).toBe(3);
    expect(threadCount(null, 8)).toBe(4);
    expect(threadCount(null, undefined)).toBe(1);
    expect(threadCount(2, 2)).toBe(2);
  });
});
