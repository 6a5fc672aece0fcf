/**
 * Who multiplies a q8 decoder's output layer: our projection kernel, where this worker runs the model on
 * WebAssembly and has SIMD. Set up before each pipeline is created (a kernel of its own, with the helper thread
 * where ONNX Runtime has two), filled while its files load (the rewrite hands over the stored table, copied into
 * the kernel's memory there and then), and taken by the engine built on that pipeline.
 */
import { ProjectionKernel } from '@/lib/engine/kernels/projection-kernel';
import type { LoadedModel } from '@/lib/engine/model-files/rewrite-on-load';
import { dtypeOption, type Device } from '@/lib/engine/shared/config';
import type { ProjectionRewrite } from '@/lib/engine/shared/protocol';
import type { KernelProjection } from './marian-sessions';

/**
 * ONNX Runtime's share of the reader's `threads`: one fewer where our kernel will multiply a q8 decoder's output
 * layer, since its helper thread takes that one. ONNX Runtime's pool in the browser is global (session options
 * do not reach its spinning) and its threads spin on after each run: on 2 cores, both runtime threads and our
 * helper on top made the output layer wait for a core (full-size stand-in, 2 cores, bench:full: 4.5 ms a greedy
 * step and 13.1 ms at 6 beams, against 2.6 and 9.1 ms with the runtime on one thread; whole steps 9.1 → 8.5 and
 * 24.5 → 22.9 ms). Same translations either way: thread counts never change a float here.
 */
export function runtimeThreads(threads: number, dtype: string, device: Device, kernel: boolean): number {
  const option = dtypeOption(dtype);
  const decoder = typeof option === 'string' ? option : option?.decoder_model_merged;
  const ours = kernel && device !== 'webgpu' && decoder === 'q8' && typeof SharedArrayBuffer !== 'undefined';
  return ours && threads >= 2 ? threads - 1 : threads;
}

export class OutputLayer {
  /** The reader's thread count: ONNX Runtime's share of it and the kernel's (its own and a helper). */
  budget = 1;
  private threads = 0;
  private kernel: ProjectionKernel | null = null;
  private loaded: KernelProjection | null = null;
  /** What was done with the last decoder file's projection (the model's line in the reader says it). */
  rewrite: ProjectionRewrite | null = null;

  /**
   * Before ONNX Runtime starts: the reader's thread count, and how many of them ONNX Runtime is given (all but
   * the kernel's helper where the kernel will run, runtimeThreads).
   */
  plan(threads: number, dtype: string, device: Device): number {
    this.budget = threads;
    return runtimeThreads(threads, dtype, device, ProjectionKernel.available());
  }

  /** Before a pipeline's files load: whether its kernel may run (WebGPU keeps its own product). */
  prepare(device: 'wasm' | 'webgpu') {
    this.threads = device === 'wasm' && ProjectionKernel.available() ? this.budget : 0;
    this.loaded = null;
  }

  /** Asked by the rewrite at each file. */
  readonly wanted = () => this.threads > 0;

  /** Each loaded file's report: a decoder cut for the kernel brings its table. */
  loadedFile(model: LoadedModel) {
    console.debug(
      `[tweetalig] model file of ${(model.bytes / 1e6).toFixed(1)} MB: projection ${model.found}, ${model.path}${model.reason ? ` (${model.reason})` : ''}, ${model.ms.toFixed(0)} ms`,
    );
    if (model.found !== 'none') this.rewrite = { path: model.path, found: model.found, reason: model.reason };
    const t = model.table;
    if (!t || !this.threads) return;
    // Made here, not before: a model that is not cut starts no kernel and no helper thread.
    this.kernel ??= ProjectionKernel.embedded(this.threads);
    if (!this.kernel) return;
    this.loaded = { kernel: this.kernel, table: this.kernel.load(t.table, t.V, t.d, t.scale, t.zp, t.bias) };
  }

  /** The output layer for the pipeline just loaded (null: ONNX Runtime's, in the file); the next one starts afresh. */
  take(): KernelProjection | null {
    const loaded = this.loaded;
    if (!loaded) this.kernel?.dispose();
    this.kernel = null;
    this.loaded = null;
    this.threads = 0;
    return loaded;
  }
}
