// AssemblyScript (compiled by scripts/build-kernels.mjs, twice: SIMD128, and SIMD128 with relaxed SIMD).
//
// ONNX's MatMulInteger as quantize_dynamic's files use it: C[m, n] = Σ_k (A[m, k] − za) · (B[k, n] − zb[n]),
// A uint8 [M, K] (the activations after DynamicQuantizeLinear), za its zero point, B int8 [K, N] (the weights,
// 7-bit: in [−64, 64]), zb int8 [N], C int32 [M, N]. Integer arithmetic, so any order of summation gives the
// same C: these kernels are bit-exact with ONNX Runtime by construction, and the tests check it.
//
//   Σ (a − za)(b − zb) = Σ a·b − zb·Σa − za·Σb + K·za·zb
//
// Σ a·b is the only O(M·N·K) part. B is packed once (by integer-kernels.ts, in JavaScript) as N rows of K bytes,
// so each output is a dot product of two contiguous rows; Σb (per column) is computed then too.
//
// SIMD128: bytes widened to i16, i32x4.dot_i16x8_s (exact: |255 · 64 · 2| fits easily).
// Relaxed SIMD: i32x4.relaxed_dot_i8x16_i7x16_add_s multiplies sixteen i8 by sixteen 7-bit values and adds them
// into four i32 lanes in one instruction, exact only while the second operand's top bit is clear. So A is shifted
// to i8 (a − 128) and B to [0, 127] (b + 64, with 64 + 64 = 128 stored as 127 and its missing 1 · a added back
// from a short list: a column's entries equal to +64, at most a few). Then
//   Σ a·b = Σ (a−128)·(b+64)' + Σ_{b=64} (a−128) − 64·Σ(a−128) + 128·Σb.

// Packed B at `packed`: N rows of K bytes (i8 for SIMD128; b + 64 clamped to 127 for relaxed), then N i32 column
// sums, then N + 1 i32 offsets into the list of k's where b = +64, then that list (empty for SIMD128).

/** Whether this build is the relaxed-SIMD one (a compile-time constant: each build holds one path only). */
export function isRelaxed(): bool {
  return ASC_FEATURE_RELAXED_SIMD;
}

/** Sum of the four i32 lanes. */
@inline function lanes(v: v128): i32 {
  return i32x4.extract_lane(v, 0) + i32x4.extract_lane(v, 1) + i32x4.extract_lane(v, 2) + i32x4.extract_lane(v, 3);
}

/**
 * C = MatMulInteger(A, B, za, zb). `scratch` holds M·K·2 bytes (A widened, or shifted) and 4·M (row sums).
 * K must be a multiple of 16 (Marian's 512 and 2048 are).
 */
export function matmulInteger(
  a: usize,
  za: i32,
  packed: usize,
  zb: usize,
  M: i32,
  K: i32,
  N: i32,
  c: usize,
  scratch: usize,
): void {
  const rowSums = scratch + 2 * M * K;
  // A once: widened to i16 (SIMD128) or shifted to i8 (relaxed); and each row's Σa (or Σ(a − 128)).
  for (let m = 0; m < M; m++) {
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const v = <i32>load<u8>(a + m * K + k);
      if (ASC_FEATURE_RELAXED_SIMD) {
        store<i8>(scratch + m * K + k, <i8>(v - 128));
        sum += v - 128;
      } else {
        store<i16>(scratch + 2 * (m * K + k), <i16>v);
        sum += v;
      }
    }
    store<i32>(rowSums + 4 * m, sum);
  }
  const sums = packed + N * K;
  const offsets = sums + 4 * N;
  const list = offsets + 4 * (N + 1);
  for (let n = 0; n < N; n++) {
    const row = packed + n * K;
    const colSum = load<i32>(sums + 4 * n);
    const zbn = <i32>load<i8>(zb + n);
    // Four rows of A at a time: each 16 bytes of B are loaded (and, for SIMD128, widened) once for all four.
    for (let m0 = 0; m0 < M; m0 += 4) {
      const rows = min(4, M - m0);
      let acc0 = i32x4.splat(0);
      let acc1 = i32x4.splat(0);
      let acc2 = i32x4.splat(0);
      let acc3 = i32x4.splat(0);
      if (ASC_FEATURE_RELAXED_SIMD && rows == 1) {
        // One row (greedy): the same loop without the other rows' tests, which V8 does not hoist.
        const am = scratch + m0 * K;
        for (let k = 0; k < K; k += 16) acc0 = i32x4.relaxed_dot_i8x16_i7x16_add_s(v128.load(am + k), v128.load(row + k), acc0);
      } else if (ASC_FEATURE_RELAXED_SIMD) {
        const am = scratch + m0 * K;
        for (let k = 0; k < K; k += 16) {
          const b = v128.load(row + k);
          acc0 = i32x4.relaxed_dot_i8x16_i7x16_add_s(v128.load(am + k), b, acc0);
          if (rows > 1) acc1 = i32x4.relaxed_dot_i8x16_i7x16_add_s(v128.load(am + K + k), b, acc1);
          if (rows > 2) acc2 = i32x4.relaxed_dot_i8x16_i7x16_add_s(v128.load(am + 2 * K + k), b, acc2);
          if (rows > 3) acc3 = i32x4.relaxed_dot_i8x16_i7x16_add_s(v128.load(am + 3 * K + k), b, acc3);
        }
      } else if (rows == 1) {
        const am = scratch + 2 * m0 * K;
        for (let k = 0; k < K; k += 16) {
          const b16 = v128.load(row + k);
          const at = am + 2 * k;
          const lo = i32x4.dot_i16x8_s(v128.load(at), i16x8.extend_low_i8x16_s(b16));
          acc0 = i32x4.add(acc0, i32x4.add(lo, i32x4.dot_i16x8_s(v128.load(at, 16), i16x8.extend_high_i8x16_s(b16))));
        }
      } else {
        const am = scratch + 2 * m0 * K;
        for (let k = 0; k < K; k += 16) {
          const b16 = v128.load(row + k);
          const lo = i16x8.extend_low_i8x16_s(b16);
          const hi = i16x8.extend_high_i8x16_s(b16);
          const at = am + 2 * k;
          acc0 = i32x4.add(acc0, i32x4.add(i32x4.dot_i16x8_s(v128.load(at), lo), i32x4.dot_i16x8_s(v128.load(at, 16), hi)));
          if (rows > 1)
            acc1 = i32x4.add(acc1, i32x4.add(i32x4.dot_i16x8_s(v128.load(at + 2 * K), lo), i32x4.dot_i16x8_s(v128.load(at + 2 * K, 16), hi)));
          if (rows > 2)
            acc2 = i32x4.add(acc2, i32x4.add(i32x4.dot_i16x8_s(v128.load(at + 4 * K), lo), i32x4.dot_i16x8_s(v128.load(at + 4 * K, 16), hi)));
          if (rows > 3)
            acc3 = i32x4.add(acc3, i32x4.add(i32x4.dot_i16x8_s(v128.load(at + 6 * K), lo), i32x4.dot_i16x8_s(v128.load(at + 6 * K, 16), hi)));
        }
      }
      finish(lanes(acc0), m0, n, K, N, za, zbn, colSum, scratch, rowSums, offsets, list, c);
      if (rows > 1) finish(lanes(acc1), m0 + 1, n, K, N, za, zbn, colSum, scratch, rowSums, offsets, list, c);
      if (rows > 2) finish(lanes(acc2), m0 + 2, n, K, N, za, zbn, colSum, scratch, rowSums, offsets, list, c);
      if (rows > 3) finish(lanes(acc3), m0 + 3, n, K, N, za, zbn, colSum, scratch, rowSums, offsets, list, c);
    }
  }
}

/** C[m, n] from the row's Σ a·b part (relaxed: Σ (a−128)·(b+64)'), with the zero points' terms. */
// @ts-ignore: decorator
@inline function finish(
  dot: i32,
  m: i32,
  n: i32,
  K: i32,
  N: i32,
  za: i32,
  zbn: i32,
  colSum: i32,
  scratch: usize,
  rowSums: usize,
  offsets: usize,
  list: usize,
  c: usize,
): void {
  let sumA = load<i32>(rowSums + 4 * m);
  if (ASC_FEATURE_RELAXED_SIMD) {
    const am = scratch + m * K;
    const to = load<i32>(offsets + 4 * n + 4);
    for (let i = load<i32>(offsets + 4 * n); i < to; i++) dot += <i32>load<i8>(am + load<i32>(list + 4 * i));
    // Σ a·b from Σ (a−128)·(b+64)': the +64 entries' missing 1·(a−128) added above, then the shifts undone.
    dot = dot - 64 * sumA + 128 * colSum;
    sumA += 128 * K;
  }
  store<i32>(c + 4 * (m * N + n), dot - zbn * sumA - za * colSum + K * za * zbn);
}
