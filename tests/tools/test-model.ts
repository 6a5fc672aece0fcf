import path from 'node:path';

/** The tiny Marian model the tests run on (scripts/make-test-model.py). Node-only helper for tests and benches. */
export const TEST_MODEL_DIR = path.resolve(import.meta.dirname, '../model');
export const TEST_MODEL_ID = 'tiny-marian-nl-en';

export async function loadTestPipeline(dtype: 'fp32' | 'q8' = 'fp32') {
  const { env, pipeline } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${TEST_MODEL_DIR}/`;
  return pipeline('translation', TEST_MODEL_ID, { dtype, device: 'cpu' });
}
