/**
 * The engine's own int8 product (assembly/matmul-integer.ts), instantiated from its two builds: the relaxed-SIMD
 * one where the browser validates it (Chromium since 114, Firefox since 120), else SIMD128. Same integers either
 * way: MatMulInteger is exact arithmetic. Memory is the instance's own, handed out by a bump allocator: weights
 * are packed once and stay; each call's activations, scratch and result reuse one region after them.
 */

import { instantiateKernel, KernelInstance, type KernelBinaries } from './kernel-memory';

interface Exports {
  memory: WebAssembly.Memory;
  isRelaxed(): number;
  matmulInteger(
    a: number,
    za: number,
    packed: number,
    zb: number,
    M: number,
    K: number,
    N: number,
    c: number,
    scratch: number,
  ): void;
}

/** A weight matrix packed in the kernel's memory, with its zero points. */
export interface PackedWeights {
  readonly K: number;
  readonly N: number;
  readonly at: number;
  readonly zeroPoints: number;
}

export class IntegerKernels extends KernelInstance<Exports> {
  /** The relaxed build where it validates, else SIMD128; `prefer` forces one (tests compare both). */
  static async create(binaries: KernelBinaries, prefer?: 'simd' | 'relaxed'): Promise<IntegerKernels> {
    const { instance, relaxed } = await instantiateKernel(binaries, prefer);
    const kernels = new IntegerKernels(instance.exports as unknown as Exports, relaxed);
    if ((kernels.exports.isRelaxed() !== 0) !== relaxed) throw new Error('the kernel build is not the one asked for');
    return kernels;
  }

  /**
   * Packs B (int8 [K, N], row-major as the file stores it) and its zero points (int8 [N]) once, in the layout
   * assembly/matmul-integer.ts reads: N rows of K bytes (relaxed: b + 64, +64 stored as 127 and listed), N column
   * sums, N + 1 offsets into the list of the k's where b = +64, the list.
   */
  pack(b: Int8Array, K: number, N: number, zeroPoints: Int8Array): PackedWeights {
    if (b.length !== K * N || zeroPoints.length !== N) throw new Error('weights and zero points do not match K, N');
    if (K % 16 !== 0) throw new Error(`K = ${K}: the kernel wants a multiple of 16`);
    const plus: number[][] = Array.from({ length: N }, () => []);
    if (this.relaxed) for (let i = 0; i < K * N; i++) if (b[i] === 64) plus[i % N]!.push(Math.floor(i / N));
    const listed = plus.reduce((sum, l) => sum + l.length, 0);
    const at = this.memory.reserve(N * K + 4 * N + 4 * (N + 1) + 4 * listed);
    const rows = this.memory.bytes(at, N * K);
    const ints = this.memory.ints(at + N * K, N + N + 1 + listed);
    let offset = 0;
    for (let n = 0; n < N; n++) {
      let sum = 0;
      for (let k = 0; k < K; k++) {
        const v = b[k * N + n]!;
        sum += v;
        rows[n * K + k] = this.relaxed ? Math.min(v + 64, 127) : v & 0xff;
      }
      ints[n] = sum;
      ints[N + n] = offset;
      for (const k of plus[n]!) ints[2 * N + 1 + offset++] = k;
    }
    ints[2 * N] = offset;
    const zp = this.memory.reserve(N);
    this.memory.bytes(zp, N).set(new Uint8Array(zeroPoints.buffer, zeroPoints.byteOffset, N));
    return { K, N, at, zeroPoints: zp };
  }

  /** C [M, N] = Σ_k (A[m, k] − za) · (B[k, n] − zb[n]), as ONNX's MatMulInteger, for A uint8 [M, K]. */
  matmulInteger(a: Uint8Array, za: number, weights: PackedWeights, M: number, out = new Int32Array(M * weights.N)) {
    const { K, N } = weights;
    if (a.length !== M * K) throw new Error('activations do not match M, K');
    return this.memory.scoped(() => {
      const aAt = this.memory.reserve(M * K);
      const scratch = this.memory.reserve(2 * M * K + 4 * M);
      const c = this.memory.reserve(4 * M * N);
      this.memory.bytes(aAt, M * K).set(a);
      this.exports.matmulInteger(aAt, za, weights.at, weights.zeroPoints, M, K, N, c, scratch);
      out.set(this.memory.ints(c, M * N));
      return out;
    });
  }
}
