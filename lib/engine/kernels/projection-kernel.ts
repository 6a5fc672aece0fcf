/**
 * The q8 decoder's output projection in our own kernel (assembly/projection.ts): the tied table kept as the file
 * stores it, uint8 [V, d] (34 MB for opus-mt-nl-en, where ONNX Runtime multiplies a folded float copy of 137 MB),
 * logits = s · Σ x·(W − z) + bias.
 *
 * On two threads (`embedded(2)`) the kernel's shared build runs on a shared memory in this thread and in a helper
 * worker (projection-helper.ts). The vocabulary is dealt out in chunks by ticket: each thread takes the next with
 * a compare-exchange, so neither waits for the other to start, a helper still asleep costs nothing, and the two
 * write disjoint logits. Every logit is computed by the same code over the same row either way: the floats are
 * those of one thread, bit for bit.
 */
import { instantiateKernel, KernelInstance, type KernelBinaries } from './kernel-memory';
import { PROJECTION_WASM, PROJECTION_WASM_SHARED } from './projection.generated';
import { SLOT, SLOTS, startHelper } from './projection-helper';

interface Exports {
  memory?: WebAssembly.Memory;
  project(
    x: number,
    M: number,
    d: number,
    table: number,
    from: number,
    to: number,
    V: number,
    scale: number,
    zp: number,
    bias: number,
    out: number,
  ): void;
}

/** A table in the kernel's memory with its scale, zero point and the final logits bias. */
export interface LoadedTable {
  readonly V: number;
  readonly d: number;
  readonly at: number;
  readonly bias: number;
  readonly scale: number;
  readonly zp: number;
}

/** Vocabulary rows a ticket covers: 33 tickets for 67,028 words, each a fraction of a millisecond. */
const CHUNK = 2048;
/** The shared build's declared maximum (scripts/build-kernels.mjs): 1 GiB. */
const MAX_PAGES = 16384;
/** How long the decoding thread waits on a helper's last chunk before it does the whole step itself. */
const PATIENCE_MS = 2000;

const decode = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const abort = () => {
  throw new Error('kernel aborted');
};

interface Shared {
  helper: ReturnType<typeof startHelper>;
  control: Int32Array;
  scale: Float32Array;
}

export class ProjectionKernel extends KernelInstance<Exports & { memory: WebAssembly.Memory }> {
  private shared: Shared | null = null;

  static async create(binaries: KernelBinaries, prefer?: 'simd' | 'relaxed'): Promise<ProjectionKernel> {
    const { instance, relaxed } = await instantiateKernel(binaries, prefer);
    return new ProjectionKernel(instance.exports as unknown as Exports & { memory: WebAssembly.Memory }, relaxed);
  }

  /**
   * The embedded build, compiled synchronously; on `threads` ≥ 2 where shared memory and a worker are to hand,
   * with its helper. Null where WebAssembly has no SIMD (the engine keeps ONNX Runtime's product then).
   */
  static embedded(threads: number): ProjectionKernel | null {
    if (!ProjectionKernel.available()) return null;
    const plain = decode(PROJECTION_WASM);
    if (threads >= 2 && typeof SharedArrayBuffer !== 'undefined') {
      try {
        const compiled = new WebAssembly.Module(decode(PROJECTION_WASM_SHARED));
        const memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
        const exports = new WebAssembly.Instance(compiled, { env: { memory, abort } }).exports as unknown as Exports;
        const kernel = new ProjectionKernel({ ...exports, memory }, false);
        if (kernel.share(compiled, memory)) return kernel;
      } catch {
        // Shared memory refused (a page not cross-origin isolated): one thread.
      }
    }
    const instance = new WebAssembly.Instance(new WebAssembly.Module(plain), { env: { abort } });
    return new ProjectionKernel(instance.exports as unknown as Exports & { memory: WebAssembly.Memory }, false);
  }

  /** Whether this WebAssembly runs the kernel (SIMD128: Chromium 91+, Firefox 89+, Safari 16.4+). */
  static available(): boolean {
    return WebAssembly.validate(decode(PROJECTION_WASM));
  }

  /** Whether a second thread takes chunks (false until its helper has started, and for good if it stalls). */
  get threads(): number {
    return this.shared && Atomics.load(this.shared.control, SLOT.READY) ? 2 : 1;
  }

  private share(module: WebAssembly.Module, memory: WebAssembly.Memory): boolean {
    const helper = startHelper();
    if (!helper) return false;
    const at = this.memory.reserve(4 * SLOTS);
    const buffer = memory.buffer;
    this.shared = { helper, control: new Int32Array(buffer, at, SLOTS), scale: new Float32Array(buffer, at, SLOTS) };
    helper.postMessage({ module, memory, control: at });
    return true;
  }

  /** Copies the table (uint8 [V, d]) and the bias in, once. */
  load(table: Uint8Array, V: number, d: number, scale: number, zp: number, bias: Float32Array): LoadedTable {
    if (table.length !== V * d || bias.length !== V) throw new Error('table and bias do not match V, d');
    if (d % 16 !== 0) throw new Error(`d = ${d}: the kernel wants a multiple of 16`);
    const at = this.memory.reserve(V * d);
    this.memory.bytes(at, V * d).set(table);
    const b = this.memory.reserve(4 * V);
    this.memory.floats(b, V).set(bias);
    return { V, d, at, bias: b, scale: Math.fround(scale), zp };
  }

  /** logits [M, V] of hidden states x [M, d]. */
  logits(t: LoadedTable, x: Float32Array, M: number, out = new Float32Array(M * t.V)): Float32Array {
    if (x.length !== M * t.d) throw new Error('hidden states do not match M, d');
    return this.memory.scoped(() => {
      const xAt = this.memory.reserve(4 * M * t.d);
      const o = this.memory.reserve(4 * M * t.V);
      this.memory.floats(xAt, M * t.d).set(x);
      if (this.threads === 2) this.together(t, xAt, M, o);
      else this.exports.project(xAt, M, t.d, t.at, 0, t.V, t.V, t.scale, t.zp, t.bias, o);
      out.set(this.memory.floats(o, M * t.V));
      return out;
    });
  }

  /** One product on both threads: the arguments and this step's tickets published, the helper woken, chunks taken. */
  private together(t: LoadedTable, x: number, M: number, out: number) {
    const { control: c, scale } = this.shared!;
    const base = Atomics.load(c, SLOT.END);
    const end = base + Math.ceil(t.V / CHUNK);
    const args: [number, number][] = [
      [SLOT.X, x],
      [SLOT.M, M],
      [SLOT.D, t.d],
      [SLOT.TABLE, t.at],
      [SLOT.V, t.V],
      [SLOT.ZP, t.zp],
      [SLOT.BIAS, t.bias],
      [SLOT.OUT, out],
      [SLOT.BASE, base],
      [SLOT.CHUNK, CHUNK],
    ];
    for (const [slot, value] of args) Atomics.store(c, slot, value);
    scale[SLOT.SCALE] = t.scale;
    Atomics.store(c, SLOT.END, end); // the tickets exist from here
    Atomics.add(c, SLOT.GEN, 1);
    Atomics.notify(c, SLOT.GEN);
    for (;;) {
      const ticket = Atomics.load(c, SLOT.NEXT);
      if (ticket >= end) break;
      if (Atomics.compareExchange(c, SLOT.NEXT, ticket, ticket + 1) !== ticket) continue;
      const from = (ticket - base) * CHUNK;
      this.exports.project(x, M, t.d, t.at, from, Math.min(t.V, from + CHUNK), t.V, t.scale, t.zp, t.bias, out);
      Atomics.add(c, SLOT.COMPLETED, 1);
    }
    // No update clause: Next's production minifier leaves an imported name unrenamed there (`SLOT is not defined`).
    for (;;) {
      const done = Atomics.load(c, SLOT.COMPLETED);
      if (done >= end) return;
      if (Atomics.wait(c, SLOT.COMPLETED, done, PATIENCE_MS) !== 'timed-out') continue;
      // A helper that stopped mid-chunk: this thread does the step alone, and every later one.
      this.dispose();
      this.exports.project(x, M, t.d, t.at, 0, t.V, t.V, t.scale, t.zp, t.bias, out);
      return;
    }
  }

  /** Stops the helper, if any; the kernel goes on in this thread. */
  dispose() {
    const shared = this.shared;
    if (!shared) return;
    this.shared = null;
    Atomics.store(shared.control, SLOT.STOP, 1);
    Atomics.add(shared.control, SLOT.GEN, 1);
    Atomics.notify(shared.control, SLOT.GEN);
    shared.helper?.terminate();
  }
}
