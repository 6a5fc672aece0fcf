/**
 * One kernel instance's memory, handed out by a bump allocator: what stays (packed weights, the table) is reserved
 * once; what a call needs (its inputs, scratch, result) is reserved after it and given back when the call ends.
 */

export interface KernelBinaries {
  simd: BufferSource;
  relaxed: BufferSource;
}

const align = (n: number) => Math.ceil(n / 16) * 16;

/** The relaxed-SIMD build where the browser validates it (Chromium 114+, Firefox 120+), else SIMD128. */
export async function instantiateKernel(binaries: KernelBinaries, prefer?: 'simd' | 'relaxed') {
  const build = prefer ?? (WebAssembly.validate(binaries.relaxed) ? 'relaxed' : 'simd');
  const abort = () => {
    throw new Error('kernel aborted');
  };
  const { instance } = await WebAssembly.instantiate(binaries[build], { env: { abort } });
  return { instance, relaxed: build === 'relaxed' };
}

export class KernelMemory {
  private top: number;
  private readonly base: number;

  constructor(private readonly memory: WebAssembly.Memory) {
    this.base = this.top = align(memory.buffer.byteLength);
  }

  /** Gives back everything reserved (the memory stays grown, for the next use). */
  release() {
    this.top = this.base;
  }

  reserve(bytes: number): number {
    const at = this.top;
    const end = at + align(bytes);
    if (end > this.memory.buffer.byteLength) this.memory.grow(Math.ceil((end - this.memory.buffer.byteLength) / 65536));
    this.top = end;
    return at;
  }

  /** Runs `call` with memory reserved in it, all given back after. */
  scoped<T>(call: () => T): T {
    const mark = this.top;
    try {
      return call();
    } finally {
      this.top = mark;
    }
  }

  bytes(at: number, length: number) {
    return new Uint8Array(this.memory.buffer, at, length);
  }

  floats(at: number, length: number) {
    return new Float32Array(this.memory.buffer, at, length);
  }

  ints(at: number, length: number) {
    return new Int32Array(this.memory.buffer, at, length);
  }
}

/** What every kernel wrapper holds: the instance's exports, its memory, and which build it is. */
export abstract class KernelInstance<E extends { memory: WebAssembly.Memory }> {
  protected readonly memory: KernelMemory;

  protected constructor(
    protected readonly exports: E,
    readonly relaxed: boolean,
  ) {
    this.memory = new KernelMemory(exports.memory);
  }
}
