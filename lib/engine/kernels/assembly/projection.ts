// AssemblyScript (scripts/build-kernels.mjs). The decoder's output projection in the q8 file's own semantics:
//   logits[r, v] = Σ_k x[r, k] · ((W[v, k] − z) · s) + bias[v]
// x float32 [M, d] (the last hidden states), W uint8 [V, d] (the tied table as the file stores it, read as bytes:
// never expanded to 137 MB of floats), z its zero point, s its scale. (W − z) is formed in integers, so nothing
// cancels; each row is one float32 dot product over d, then scaled: s · Σ x·(W − z) + bias. ONNX Runtime rounds
// (W − z)·s per element first, then sums in its own order: the two agree to float32 rounding (the tests hold them
// to 1e-5 of the logits' scale).

/** Rows of x handled together (6: the beams of the default quality): each byte of the table is widened once for all. */
const BLOCK = 6;

// @ts-ignore: decorator
@inline function sum4(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

/** One of the four f32x4 of a table row's 16 bytes, minus the zero point (part: a constant, folded once inlined). */
// @ts-ignore: decorator
@inline function widened(bytes: v128, z: v128, part: i32): v128 {
  const half = i16x8.sub(part < 2 ? i16x8.extend_low_i8x16_u(bytes) : i16x8.extend_high_i8x16_u(bytes), z);
  return f32x4.convert_i32x4_s(part % 2 == 0 ? i32x4.extend_low_i16x8_s(half) : i32x4.extend_high_i16x8_s(half));
}

/** Sixteen products of a row's x (at `at`) with the four f32x4 of the table's bytes, in four lanes. */
// @ts-ignore: decorator
@inline function dot4(at: usize, f0: v128, f1: v128, f2: v128, f3: v128): v128 {
  const p01 = f32x4.add(f32x4.mul(v128.load(at), f0), f32x4.mul(v128.load(at, 16), f1));
  const p23 = f32x4.add(f32x4.mul(v128.load(at, 32), f2), f32x4.mul(v128.load(at, 48), f3));
  return f32x4.add(p01, p23);
}

/**
 * logits [M, V] for vocabulary rows from…to (a worker's share), d a multiple of 16. Rows go six at a time, so
 * the table is read once per six rows.
 */
export function project(
  x: usize,
  M: i32,
  d: i32,
  table: usize,
  from: i32,
  to: i32,
  V: i32,
  scale: f32,
  zp: i32,
  bias: usize,
  out: usize,
): void {
  const z = i16x8.splat(<i16>zp);
  for (let r0 = 0; r0 < M; r0 += BLOCK) {
    const rows = min(BLOCK, M - r0);
    const x0 = x + 4 * r0 * d;
    for (let v = from; v < to; v++) {
      const w = table + v * d;
      let a0 = f32x4.splat(0);
      let a1 = f32x4.splat(0);
      let a2 = f32x4.splat(0);
      let a3 = f32x4.splat(0);
      let a4 = f32x4.splat(0);
      let a5 = f32x4.splat(0);
      if (rows == 1 && v + 1 < to) {
        // One row (greedy), two words at a time: two streams through the table keep more of its bytes in flight
        // (1.2-1.3x on a table not in cache), each word's sum the same operations in the same order as alone.
        const w1 = w + d;
        for (let k = 0; k < d; k += 16) {
          const at = x0 + 4 * k;
          const p = v128.load(w + k);
          const q = v128.load(w1 + k);
          a0 = f32x4.add(a0, dot4(at, widened(p, z, 0), widened(p, z, 1), widened(p, z, 2), widened(p, z, 3)));
          a1 = f32x4.add(a1, dot4(at, widened(q, z, 0), widened(q, z, 1), widened(q, z, 2), widened(q, z, 3)));
        }
        const o = out + 4 * (r0 * V + v);
        store<f32>(o, scale * sum4(a0) + load<f32>(bias + 4 * v));
        store<f32>(o, scale * sum4(a1) + load<f32>(bias + 4 * (v + 1)), 4);
        v++;
        continue;
      }
      if (rows == 1) {
        // One row, its last word: the same loop without the other rows' tests, which V8 does not hoist.
        for (let k = 0; k < d; k += 16) {
          const bytes = v128.load(w + k);
          const f0 = widened(bytes, z, 0);
          const f1 = widened(bytes, z, 1);
          a0 = f32x4.add(a0, dot4(x0 + 4 * k, f0, f1, widened(bytes, z, 2), widened(bytes, z, 3)));
        }
      } else
      for (let k = 0; k < d; k += 16) {
        const bytes = v128.load(w + k);
        const f0 = widened(bytes, z, 0);
        const f1 = widened(bytes, z, 1);
        const f2 = widened(bytes, z, 2);
        const f3 = widened(bytes, z, 3);
        const at = x0 + 4 * k;
        a0 = f32x4.add(a0, dot4(at, f0, f1, f2, f3));
        if (rows > 1) a1 = f32x4.add(a1, dot4(at + 4 * d, f0, f1, f2, f3));
        if (rows > 2) a2 = f32x4.add(a2, dot4(at + 8 * d, f0, f1, f2, f3));
        if (rows > 3) a3 = f32x4.add(a3, dot4(at + 12 * d, f0, f1, f2, f3));
        if (rows > 4) a4 = f32x4.add(a4, dot4(at + 16 * d, f0, f1, f2, f3));
        if (rows > 5) a5 = f32x4.add(a5, dot4(at + 20 * d, f0, f1, f2, f3));
      }
      const b = load<f32>(bias + 4 * v);
      store<f32>(out + 4 * (r0 * V + v), scale * sum4(a0) + b);
      if (rows > 1) store<f32>(out + 4 * ((r0 + 1) * V + v), scale * sum4(a1) + b);
      if (rows > 2) store<f32>(out + 4 * ((r0 + 2) * V + v), scale * sum4(a2) + b);
      if (rows > 3) store<f32>(out + 4 * ((r0 + 3) * V + v), scale * sum4(a3) + b);
      if (rows > 4) store<f32>(out + 4 * ((r0 + 4) * V + v), scale * sum4(a4) + b);
      if (rows > 5) store<f32>(out + 4 * ((r0 + 5) * V + v), scale * sum4(a5) + b);
    }
  }
}
