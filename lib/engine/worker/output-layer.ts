/**
 * Who multiplies a q8 decoder's output layer: our projection kernel, where this worker runs the model on
 * WebAssembly and has SIMD. Set up before each pipeline is created (a kernel of its own, with the helper thread
 * where ONNX Runtime has two), filled while its files load (the rewrite hands over the stored table, copied into
 * the kernel's memory there and then), and taken by the engine built on that pipeline.
 */
import { ProjectionKernel } from '@/lib/engine/kernels/projection-kernel';
import type { LoadedModel } from '@/lib/engine/model-files/rewrite-on-load';
import type { ProjectionRewrite } from '@/lib/engine/shared/protocol';
import type { KernelProjection } from './marian-sessions';

export class OutputLayer {
  private threads = 0;
  private kernel: ProjectionKernel | null = null;
  private loaded: KernelProjection | null = null;
  /** What was done with the last decoder file's projection (the model's line in the reader says it). */
  rewrite: ProjectionRewrite | null = null;

  /** Before a pipeline's files load: whether its kernel may run, on how many threads (WebGPU keeps its own). */
  prepare(device: 'wasm' | 'webgpu', threads: number) {
    this.threads = device === 'wasm' && ProjectionKernel.available() ? threads : 0;
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
