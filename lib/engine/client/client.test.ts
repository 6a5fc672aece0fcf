import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import type { WorkerRequest, WorkerResponse } from '../shared/protocol';
import { TranslationClient } from './client';

/** A worker that loads at once and fails every translation the way the real one reports an exception. */
class FailingWorker extends EventTarget {
  postMessage(request: WorkerRequest) {
    const reply = (message: WorkerResponse) =>
      queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data: message })));
    if (request.type === 'load')
      reply({
        type: 'ready',
        id: request.id,
        device: 'wasm',
        threads: 1,
        crossOriginIsolated: false,
        projection: null,
      });
    else if (request.type === 'translate')
      reply({
        type: 'error',
        id: request.id,
        error: { code: 'translate', message: 'boom', stack: 'Error: boom\n    at decodeStep (worker.js:10:5)' },
      });
  }
  terminate() {}
}

async function askFromTheReader(client: TranslationClient) {
  const result = await client.translate('Goedemorgen.');
  return result;
}

describe('a failed worker request', () => {
  it("rejects with the worker's message and stack, and the frames of the call that asked", async () => {
    const client = new TranslationClient(DEFAULT_CONFIG, () => new FailingWorker() as unknown as Worker);
    const failure = await askFromTheReader(client).then(
      () => null,
      (err: unknown) => err as Error & { code: string },
    );
    expect(failure).toMatchObject({ name: 'EngineFailure', code: 'translate', message: 'boom' });
    const [head, ...frames] = failure!.stack!.split('\n');
    expect(head).toMatch(/^EngineFailure: boom \(translate, translate request #\d+\)$/);
    const separator = frames.indexOf('    --- requested from ---');
    expect(frames.slice(0, separator).join('\n')).toContain('decodeStep');
    expect(frames.slice(separator).join('\n')).toContain('askFromTheReader');
  });
});
