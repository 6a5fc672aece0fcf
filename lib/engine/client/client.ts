/**
 * The main-thread side of the worker: a promise per request, matched by id
 * (the Squoosh worker-bridge pattern). The worker is created lazily on first
 * use, never during server rendering. If it dies, everything pending is
 * rejected with a `crashed` EngineFailure and the next request starts a new one.
 */
import type { GlossaryTerm } from '../shared/terms';
import type { EngineConfig, ResolvedDevice } from '../shared/config';
import { cancelled, EngineFailure } from '../shared/errors';
import type {
  Alternative,
  EngineError,
  ParagraphTranslation,
  ProjectionRewrite,
  SentenceTranslation,
  WorkerRequest,
  WorkerResponse,
} from '../shared/protocol';

export interface ReadyInfo {
  device: ResolvedDevice;
  threads: number;
  crossOriginIsolated: boolean;
  /** What was done with the decoder's output projection at load (lib/engine/model-files/rewrite-projection.ts). */
  projection: ProjectionRewrite | null;
}

export interface DownloadEvent {
  file: string;
  loaded: number;
  total: number;
  done: boolean;
}

interface Pending {
  /** Takes the worker's answer, if it is the one this request waits for (typed where the request is made). */
  answer: (message: WorkerResponse) => void;
  reject: (error: EngineError) => void;
  onMessage?: (message: WorkerResponse) => void;
}

type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;

export function createTranslatorWorker(): Worker {
  return new Worker(new URL('../worker/translator.worker.ts', import.meta.url), { type: 'module', name: 'translator' });
}

export class TranslationClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private ready: Promise<ReadyInfo> | null = null;
  /** How many workers this client has started; more than one means it recovered from a crash. */
  workersStarted = 0;

  constructor(
    private readonly config: EngineConfig,
    private readonly createWorker: () => Worker = createTranslatorWorker,
  ) {}

  /** Starts the worker and loads the model (downloading it the first time). Shared by all callers. */
  load(onDownload?: (event: DownloadEvent) => void): Promise<ReadyInfo> {
    const ready = (m: WorkerResponse) =>
      m.type === 'ready'
        ? { device: m.device, threads: m.threads, crossOriginIsolated: m.crossOriginIsolated, projection: m.projection }
        : undefined;
    this.ready ??= this.send({ type: 'load', config: this.config }, ready, (message) => {
      if (message.type === 'download') onDownload?.(message);
    }).catch((err: unknown) => {
      // A later load() tries again, in a fresh worker: ONNX Runtime does not initialise twice in one, so
      // after its own files failed to load, the old worker could never load the model.
      this.ready = null;
      this.worker?.terminate();
      this.worker = null;
      throw err;
    });
    return this.ready;
  }

  async translate(
    text: string,
    options: {
      signal?: AbortSignal;
      onPartial?: (text: string) => void;
      terms?: GlossaryTerm[];
      reuse?: SentenceTranslation[];
    } = {},
  ): Promise<ParagraphTranslation> {
    await this.load();
    options.signal?.throwIfAborted();
    return this.send(
      { type: 'translate', text, terms: options.terms, reuse: options.reuse },
      (m) => (m.type === 'result' ? m.result : undefined),
      (message) => {
        if (message.type === 'partial') options.onPartial?.(message.text);
      },
      options.signal,
    );
  }

  /** Other translations of a sentence, or glosses of a Dutch word or phrase: best first. */
  async alternatives(text: string, signal?: AbortSignal): Promise<Alternative[]> {
    await this.load();
    return this.send(
      { type: 'alternatives', text },
      (m) => (m.type === 'alternatives' ? m.alternatives : undefined),
      undefined,
      signal,
    );
  }

  /**
   * The English sentence for `source` that begins with what the reader typed, completed by the model;
   * `onPartial` is told it as it grows. An aborted completion rejects with code 'cancelled'.
   */
  async complete(
    source: string,
    typed: string,
    options: { signal?: AbortSignal; onPartial?: (sentence: string) => void } = {},
  ): Promise<string> {
    await this.load();
    options.signal?.throwIfAborted();
    return this.send(
      { type: 'complete', source, typed },
      (m) => (m.type === 'completion' && m.done ? m.sentence : undefined),
      (m) => {
        if (m.type === 'completion' && !m.done) options.onPartial?.(m.sentence);
      },
      options.signal,
    );
  }

  dispose() {
    this.worker?.terminate();
    this.worker = null;
    this.failAll({ code: 'cancelled', message: 'disposed' });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    this.workersStarted++;
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => this.onMessage(event.data));
    const crash = (event: Event) => {
      event.preventDefault?.();
      if (this.worker !== worker) return;
      const detail = event instanceof ErrorEvent && event.message ? event.message : 'the translation worker stopped';
      worker.terminate();
      this.worker = null;
      this.ready = null;
      this.failAll({ code: 'crashed', message: detail });
    };
    worker.addEventListener('error', crash);
    worker.addEventListener('messageerror', crash);
    this.worker = worker;
    return worker;
  }

  /** Sends a request; `accept` picks the reply it waits for out of the worker's messages for it. */
  private send<T>(
    request: Distribute<WorkerRequest>,
    accept: (message: WorkerResponse) => T | undefined,
    onMessage?: (message: WorkerResponse) => void,
    signal?: AbortSignal,
  ): Promise<T> {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    // Where the request was made: the worker's error alone would point into the worker, never at the caller.
    const caller = new Error().stack;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        worker.postMessage({ type: 'cancel', id: this.nextId++, target: id } satisfies WorkerRequest);
        this.settle(id)?.reject(cancelled().error);
      };
      if (signal) {
        if (signal.aborted) return reject(cancelled());
        signal.addEventListener('abort', onAbort, { once: true });
      }
      this.pending.set(id, {
        answer: (message) => {
          const value = accept(message);
          if (value === undefined) return;
          this.settle(id);
          signal?.removeEventListener('abort', onAbort);
          resolve(value);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(failureFrom(error, `${request.type} request #${id}`, caller));
        },
        onMessage,
      });
      worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  private settle(id: number): Pending | undefined {
    const entry = this.pending.get(id);
    this.pending.delete(id);
    return entry;
  }

  private onMessage(message: WorkerResponse) {
    switch (message.type) {
      case 'download':
      case 'partial':
        this.pending.get(message.id)?.onMessage?.(message);
        return;
      case 'completion':
        if (message.done) this.pending.get(message.id)?.answer(message);
        else this.pending.get(message.id)?.onMessage?.(message);
        return;
      case 'ready':
      case 'result':
      case 'alternatives':
        this.pending.get(message.id)?.answer(message);
        return;
      case 'error':
        this.settle(message.id)?.reject(message.error);
        return;
      default: {
        const unreachable: never = message;
        throw new Error(`unknown worker message ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private failAll(error: EngineError) {
    const entries = [...this.pending.values()];
    this.pending.clear();
    for (const entry of entries) entry.reject(error);
  }
}

/**
 * The failure a caller gets: the worker's message, its stack where the worker sent one, then the frames of the
 * call that made the request (a stack that begins with the `Error` line the caller's capture wrote).
 */
function failureFrom(error: EngineError, request: string, caller: string | undefined): EngineFailure {
  const failure = new EngineFailure(error);
  const callerFrames = caller?.split('\n').slice(2).join('\n'); // drop "Error" and send() itself
  const workerFrames = error.stack?.split('\n').slice(1).join('\n');
  failure.stack = [
    `EngineFailure: ${error.message} (${error.code}, ${request})`,
    ...(workerFrames ? [workerFrames] : []),
    ...(callerFrames ? ['    --- requested from ---', callerFrames] : []),
  ].join('\n');
  return failure;
}
