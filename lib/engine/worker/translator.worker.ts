/// <reference lib="webworker" />
/**
 * The translation worker: one long-lived instance per reader tab. It owns
 * transformers.js and ONNX Runtime; the main thread only ever sees the typed
 * protocol of ./protocol.ts. Paragraphs are taken as they come: the engine
 * decodes the sentences of all of them in flight together (engine/engine.ts).
 */
import { readTerms } from '../shared/terms';
import { isSentence } from '../shared/sentence-shape';
import { env, pipeline, type TranslationPipeline } from '@huggingface/transformers';
// The same module transformers.js imports (one instance in the bundle): its InferenceSession is the one wrapped.
import { InferenceSession } from 'onnxruntime-web/webgpu';
import { rewriteOnLoad } from '@/lib/engine/model-files/rewrite-on-load';
import { dtypeOption, sentencesApartFor, threadCount, type EngineConfig, type ResolvedDevice } from '../shared/config';
import type { TranslationEngine } from './engine';
import { engineFor } from './from-pipeline';
import { classifyLoadError, toEngineError } from '../shared/errors';
import { NetworkLog } from './network-log';
import { runtimeFiles } from '../shared/runtime-files';
import { OutputLayer } from './output-layer';
import type { WorkerRequest, WorkerResponse } from '../shared/protocol';

declare const self: DedicatedWorkerGlobalScope;

/** Checked on WebGPU before it is trusted under device "auto" (Marian on WebGPU has wrong-output reports). */
const CHECK_SENTENCE = 'De trein naar Amsterdam vertrekt om half negen van spoor drie.';
/**
 * The one streaming throttle: a paragraph's English is decoded into text and sent to the page at most this
 * often. Smooth enough to read; decoding every token and rendering it would cost the translation itself.
 */
const PARTIAL_INTERVAL_MS = 150;

interface Engine {
  engine: TranslationEngine;
  device: ResolvedDevice;
}

const post = (message: WorkerResponse) => self.postMessage(message);
const network = new NetworkLog();
// Every request of this worker goes through the log: transformers.js's (env.fetch) and ONNX Runtime's
// own (its .mjs and .wasm, with the global fetch), so a blocked runtime is reported as such.
const loggedFetch = network.wrap(self.fetch.bind(self));
self.fetch = loggedFetch;
const bytesSeen = new Map<string, { loaded: number; total: number }>();
// Every model file is read before ONNX Runtime gets it: a Hub-structured decoder has its projection rewritten
// (model-files/rewrite-projection.ts), q8's product left to our kernel on WebAssembly (output-layer.ts). What was
// done is said at debug level and on the model's line.
const outputLayer = new OutputLayer();
rewriteOnLoad(InferenceSession as never, (model) => outputLayer.loadedFile(model), undefined, outputLayer.wanted);
let engine: Promise<Engine> | null = null;
let engineKey = '';
const cancelled = new Set<number>();

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'load':
      void handleLoad(request.id, request.config);
      return;
    case 'translate':
      void handleTranslate(request);
      return;
    case 'alternatives':
      void handleOnDemand(request.id, async (translator) =>
        post({
          type: 'alternatives',
          id: request.id,
          alternatives: await translator.alternatives(request.text, { shouldStop: () => cancelled.has(request.id) }),
        }),
      );
      return;
    case 'complete':
      void handleOnDemand(request.id, async (translator) => {
        const sentence = await translator.complete(request.source, request.typed, {
          shouldStop: () => cancelled.has(request.id),
          // Every token: a reader waits on the next word (no throttle, and a sentence is short).
          onPartial: (partial) => post({ type: 'completion', id: request.id, sentence: partial, done: false }),
        });
        post({ type: 'completion', id: request.id, sentence, done: true });
      });
      return;
    case 'cancel':
      cancelled.add(request.target);
      return;
    default: {
      const unreachable: never = request;
      throw new Error(`unknown request ${JSON.stringify(unreachable)}`);
    }
  }
});

function configure(config: EngineConfig) {
  // Both sources go through transformers.js's remote path: for local paths it probes each file's size
  // with a full GET, for remote URLs with a one-byte Range request. So "self" is the Hub layout on this origin.
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  if (config.source === 'self') {
    env.remoteHost = new URL('/models/', self.location.origin).href;
    env.remotePathTemplate = '{model}/';
  } else {
    env.remoteHost = config.hubUrl;
    env.remotePathTemplate = '{model}/resolve/{revision}/';
  }
  env.useBrowserCache = true;
  // ONNX Runtime fetches its own .wasm and compiles it while it streams in. transformers.js would instead
  // read the 14 MB into an ArrayBuffer (to keep a copy in its cache) and compile that, and V8 keeps compiled
  // code only for streamed modules: every visit then optimised the runtime again, seconds of background
  // compilation that on 2 cores kept the page waiting (bench (c)). The file is served immutable, so the
  // HTTP cache keeps it, and the browser its compiled code.
  env.useWasmCache = false;
  const onnx = env.backends.onnx as { wasm?: { wasmPaths?: unknown; numThreads?: number } };
  if (onnx.wasm) {
    // Threads need cross-origin isolation (proxy.ts). How many: config.ts's threadCount, measured at full
    // size (docs/benchmarks.md); TRANSLATION_THREADS overrides.
    const threads = self.crossOriginIsolated ? threadCount(config.threads, self.navigator.hardwareConcurrency) : 1;
    onnx.wasm.numThreads = outputLayer.plan(threads, config.dtype, config.device);
    // ONNX Runtime's own files come from this origin, never from a CDN; the build suits the device.
    onnx.wasm.wasmPaths = runtimeFiles(new URL(config.wasmPath, self.location.origin).href, config.device);
  }
  env.fetch = loggedFetch;
}

async function createPipeline(config: EngineConfig, device: ResolvedDevice, requestId: number) {
  outputLayer.prepare(device);
  const translator = await pipeline('translation', config.modelId, {
    dtype: dtypeOption(config.dtype) ?? 'q8',
    device,
    revision: config.revision,
    progress_callback: (info: { status: string; file?: string; loaded?: number; total?: number }) => {
      // The library reports reads from its cache too; only files that really came over the network are shown.
      if (!info.file || !network.fetchedFromNetwork(info.file)) return;
      const seen = bytesSeen.get(info.file) ?? { loaded: 0, total: 0 };
      if (info.status === 'progress') {
        seen.loaded = Math.max(seen.loaded, info.loaded ?? 0);
        seen.total = Math.max(seen.total, info.total ?? 0, network.size(info.file));
        bytesSeen.set(info.file, seen);
        post({ type: 'download', id: requestId, file: info.file, loaded: seen.loaded, total: seen.total, done: false });
      } else if (info.status === 'done') {
        // A compressed response has no Content-Length: then the bytes read are the size.
        const size = Math.max(seen.loaded, network.size(info.file));
        post({ type: 'download', id: requestId, file: info.file, loaded: size, total: size, done: true });
      }
    },
  });
  return { translator: translator as TranslationPipeline, output: outputLayer.take() };
}

async function resolveEngine(config: EngineConfig, requestId: number): Promise<Engine> {
  const wantsGpu = config.device !== 'wasm';
  const gpu = (self.navigator as WorkerNavigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  const adapter = wantsGpu && gpu ? await gpu.requestAdapter().catch(() => null) : null;
  const on = ({ translator, output }: Awaited<ReturnType<typeof createPipeline>>) =>
    engineFor(
      translator,
      config.quality,
      { batchRows: config.batchRows, sentencesApart: sentencesApartFor(config.dtype) },
      output,
    );
  if (!adapter) return { engine: on(await createPipeline(config, 'wasm', requestId)), device: 'wasm' };
  if (config.device === 'webgpu')
    return { engine: on(await createPipeline(config, 'webgpu', requestId)), device: 'webgpu' };

  // auto: trust WebGPU only if it translates a known sentence exactly as WASM does.
  const wasm = on(await createPipeline(config, 'wasm', requestId));
  try {
    const gpuPipeline = await createPipeline(config, 'webgpu', requestId);
    const webgpu = on(gpuPipeline);
    const [a, b] = [await wasm.translate(CHECK_SENTENCE), await webgpu.translate(CHECK_SENTENCE)];
    if (a.text === b.text) return { engine: webgpu, device: 'webgpu' };
    await gpuPipeline.translator.dispose();
  } catch {
    // WebGPU failed to start: WASM it is.
  }
  return { engine: wasm, device: 'wasm' };
}

async function handleLoad(id: number, config: EngineConfig) {
  const key = JSON.stringify(config);
  if (!engine || key !== engineKey) {
    engineKey = key;
    configure(config);
    engine = resolveEngine(config, id);
  }
  try {
    const { device } = await engine;
    post({
      type: 'ready',
      id,
      device,
      threads: outputLayer.budget,
      crossOriginIsolated: self.crossOriginIsolated,
      projection: outputLayer.rewrite,
    });
  } catch (err) {
    engine = null; // the next load tries again from scratch
    post({ type: 'error', id, error: classifyLoadError(err, network.takeLastFailure(), self.navigator.onLine) });
  }
}

async function handleTranslate(request: Extract<WorkerRequest, { type: 'translate' }>) {
  const { id } = request;
  if (cancelled.delete(id)) return post({ type: 'error', id, error: { code: 'cancelled', message: 'cancelled' } });
  try {
    // Everything about this one paragraph, reading its text included, fails into an error for it alone.
    const text = request.text;
    if (typeof text !== 'string') throw new Error('the paragraph text is missing');
    if (!engine) throw new Error('the model is not loaded');
    const { engine: translator } = await engine;
    post({ type: 'partial', id, text: '' }); // started: the page shows this paragraph as in progress
    let lastPartial = performance.now(); // a paragraph done within one interval sends its result only
    const result = await translator.translate(text, {
      terms: readTerms(request.terms),
      reuse: Array.isArray(request.reuse) ? request.reuse.filter(isSentence) : undefined,
      shouldStop: () => cancelled.has(id),
      onPartial: (partial) => {
        const now = performance.now();
        if (now - lastPartial < PARTIAL_INTERVAL_MS) return;
        lastPartial = now;
        post({ type: 'partial', id, text: partial() });
      },
    });
    post({ type: 'result', id, result });
  } catch (err) {
    post({ type: 'error', id, error: toEngineError(err, 'translate') });
  } finally {
    cancelled.delete(id);
  }
}

/** A request a reader waits on (alternatives, a completion): its failure is its own, like a paragraph's. */
async function handleOnDemand(id: number, run: (translator: TranslationEngine) => Promise<void>) {
  try {
    if (!engine) throw new Error('the model is not loaded');
    await run((await engine).engine);
  } catch (err) {
    post({ type: 'error', id, error: toEngineError(err, 'translate') });
  } finally {
    cancelled.delete(id);
  }
}
