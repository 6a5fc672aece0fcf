import { describe, expect, it } from 'vitest';
import { EngineFailure } from '../engine/shared/errors';
import type { EngineError, ParagraphTranslation } from '../engine/shared/protocol';
import { SegmentStates } from './segment-states';
import { TranslationQueue, type QueueClient } from './translation-queue';

const segments = ['Een.', 'Twee.', 'Drie.', 'Vier.'].map((text, i) => ({ id: `s-${i}`, text }));

/**
 * An engine whose failures the test scripts, paragraph by paragraph: the queue's policy is what is under
 * test here, not translation (the real engine is tested on the real model elsewhere).
 */
class ScriptedEngine implements QueueClient {
  readonly asked: string[] = [];
  /** Per Dutch text, what its next requests do, in order; once used up, they succeed. */
  constructor(private readonly script: Record<string, (EngineError | 'hang')[]> = {}) {}

  async translate(text: string, { signal }: { signal?: AbortSignal }): Promise<ParagraphTranslation> {
    this.asked.push(text);
    const next = this.script[text]?.shift();
    if (next === 'hang') {
      return new Promise((_, reject) =>
        signal?.addEventListener('abort', () => reject(new EngineFailure({ code: 'cancelled', message: 'cancelled' }))),
      );
    }
    await new Promise((r) => setTimeout(r, 1));
    if (next) throw new EngineFailure(next);
    return { text: `EN ${text}`, sentences: [], inputTokens: 1, outputTokens: 1, ms: 1 };
  }
}

function setUp(engine: QueueClient) {
  const states = new SegmentStates(segments);
  const abort = new AbortController();
  const translated: number[] = [];
  const queue = new TranslationQueue(
    states,
    {
      engine: async () => engine,
      translated: (i, result) => {
        translated.push(i);
        states.move(segments[i]!.id, 'translated', result);
      },
    },
    abort.signal,
  );
  const settled = () =>
    new Promise<void>((resolve) => {
      const check = () => ['done', 'failed'].includes(states.progress.phase) && resolve();
      states.subscribeProgress(check);
      check();
    });
  const run = async () => {
    states.setProgress({ phase: 'translating' });
    await queue.start();
    await settled();
  };
  return { states, queue, abort, translated, run, status: () => segments.map((s) => states.get(s.id).status) };
}

const crash: EngineError = { code: 'crashed', message: 'the translation worker stopped' };

describe('the translation queue', () => {
  it('gives a paragraph that crashed the worker once another go, and marks one that crashed it twice as failed', async () => {
    const engine = new ScriptedEngine({ 'Twee.': [crash], 'Drie.': [crash, crash] });
    const { run, status, states } = setUp(engine);
    await run();
    expect(status()).toEqual(['done', 'done', 'error', 'done']);
    expect(states.get('s-2').error?.code).toBe('crashed');
    expect(engine.asked.filter((t) => t === 'Drie.')).toHaveLength(2); // never a third time
    expect(states.progress.phase).toBe('done');
  });

  it('stops when the engine cannot load again mid-article, keeps the rest waiting, and goes on after a retry', async () => {
    const engine = new ScriptedEngine({ 'Twee.': [{ code: 'offline', message: 'offline' }] });
    const { run, status, states, translated } = setUp(engine);
    await run();
    expect(states.progress).toMatchObject({ phase: 'failed', error: { code: 'offline' } });
    expect(status()).toContain('waiting');
    expect(status()[1]).toBe('waiting');
    await run(); // the reader pressed "Try again"
    expect(status()).toEqual(['done', 'done', 'done', 'done']);
    expect(new Set(translated).size).toBe(4);
  });

  it('retries one failed paragraph on request, alone', async () => {
    const engine = new ScriptedEngine({ 'Vier.': [{ code: 'translate', message: 'bad input' }] });
    const { run, queue, status, states } = setUp(engine);
    await run();
    expect(status()).toEqual(['done', 'done', 'done', 'error']);
    const before = engine.asked.length;
    queue.retrySegment('s-3');
    expect(states.progress.phase).toBe('translating');
    await new Promise<void>((resolve) => {
      const check = () => states.progress.phase === 'done' && resolve();
      states.subscribeProgress(check);
    });
    expect(engine.asked.slice(before)).toEqual(['Vier.']);
    expect(status()).toEqual(['done', 'done', 'done', 'done']);
  });

  it('cancels what is in flight when the reader leaves, and sends nothing more', async () => {
    const engine = new ScriptedEngine({ 'Een.': ['hang'], 'Twee.': ['hang'] });
    const { states, queue, abort, status } = setUp(engine);
    states.setProgress({ phase: 'translating' });
    await queue.start();
    expect(engine.asked).toEqual(['Een.', 'Twee.']); // two at the worker at once
    abort.abort();
    await new Promise((r) => setTimeout(r, 20));
    expect(engine.asked).toEqual(['Een.', 'Twee.']);
    expect(status()).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);
  });

  it('asks for what is on screen first', async () => {
    const engine = new ScriptedEngine();
    const { queue, run } = setUp(engine);
    queue.setVisible('s-2', true);
    await run();
    expect(engine.asked[0]).toBe('Drie.');
  });
});
