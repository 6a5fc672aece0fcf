/**
 * The q8 decoder's output projection in our own kernel (assembly/projection.ts): the tied table kept as the file
 * stores it, uint8 [V, d] (34 MB for opus-mt-nl-en, where ONNX Runtime multiplies a folded float copy of 137 MB),
 * logits = s · Σ x·(W − z) + bias.
 */
import { instantiateKernel, KernelInstance, type KernelBinaries } from './kernel-memory';

interface Exports {
  memory: WebAssembly.Memory;
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

export class ProjectionKernel extends KernelInstance<Exports> {
  static async create(binaries: KernelBinaries, prefer?: 'simd' | 'relaxed'): Promise<ProjectionKernel> {
    const { instance, relaxed } = await instantiateKernel(binaries, prefer);
    return new ProjectionKernel(instance.exports as unknown as Exports, relaxed);
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
      this.exports.project(xAt, M, t.d, t.at, 0, t.V, t.V, t.scale, t.zp, t.bias, o);
      out.set(this.memory.floats(o, M * t.V));
      return out;
    });
  }
}
