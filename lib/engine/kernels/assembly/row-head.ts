// AssemblyScript (scripts/build-kernels.mjs). The head of a decoding step for one row of logits: what the loop
// needs of 67,028 floats is the row's log-sum-exp and its best few tokens. In JavaScript the sum costs one
// Math.exp a token (0.9 ms a row, most of our script's time in a step); here two at a time, in double precision
// like the JavaScript it replaces, so the float32 log-sum-exp it gives is the same one.

/** fdlibm's split of ln 2: k · LN2_HI is exact for |k| < 2^20, so r = x − k·ln 2 loses nothing. */
const LN2_HI: f64 = 6.93147180369123816490e-1;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const INV_LN2: f64 = 1.44269504088896338700;
/** Below this, e^x is under 1e-307: nothing next to the row's largest term, e^0 = 1. */
const FLOOR: f64 = -708.0;

/**
 * e^x for x ≤ 0 in both lanes, to about an ulp: x = k·ln 2 + r with |r| ≤ ln 2 / 2, e^r by its Taylor series to
 * r^13 (the next term is under 5e-18 of it), then 2^k put into the exponent bits.
 */
// @ts-ignore: decorator
@inline function exp2lanes(x: v128): v128 {
  x = f64x2.max(x, f64x2.splat(FLOOR));
  const k = f64x2.nearest(f64x2.mul(x, f64x2.splat(INV_LN2)));
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(k, f64x2.splat(LN2_HI))), f64x2.mul(k, f64x2.splat(LN2_LO)));
  let p = f64x2.splat(1.0 / 6227020800.0); // 1/13!
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 479001600.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 39916800.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 3628800.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 362880.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 40320.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 5040.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 720.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 120.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 24.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 6.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(0.5));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0));
  const k64 = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(k));
  return i64x2.add(p, i64x2.shl(k64, 52));
}

/** Inserts token t (value v) into the best-first list of `count` (at most `keep`); returns the new count. */
function insert(values: usize, tokens: usize, count: i32, keep: i32, v: f32, t: i32): i32 {
  // Equal values keep the earlier token first: tokens arrive in order, so a newcomer goes after its equals.
  let at = count;
  while (at > 0 && load<f32>(values + 4 * (at - 1)) < v) at--;
  if (at >= keep) return count;
  const last = min(count, keep - 1);
  for (let i = last; i > at; i--) {
    store<f32>(values + 4 * i, load<f32>(values + 4 * (i - 1)));
    store<i32>(tokens + 4 * i, load<i32>(tokens + 4 * (i - 1)));
  }
  store<f32>(values + 4 * at, v);
  store<i32>(tokens + 4 * at, t);
  return min(count + 1, keep);
}

/**
 * One row of `vocab` logits at `logits`. Writes the `keep` best tokens, best first (equal logits: lower token
 * first), to `tokens` and their logits to `values`; writes Σ e^(x − max) as f64 to `sum`. Returns how many
 * logits are within `margin` of the last kept one or above it: more than `keep` means a near-tie at the edge
 * of the list, and the caller looks at the whole row instead.
 */
export function rowHead(logits: usize, vocab: i32, keep: i32, margin: f32, tokens: usize, values: usize, sum: usize): i32 {
  let count = 0;
  let floor: f32 = -Infinity;
  const quads = vocab & ~3;
  for (let i = 0; i < quads; i += 4) {
    const v = v128.load(logits + 4 * i);
    // Most tokens are below the list's last one: four compared at once, looked at one by one only if not.
    if (count == keep && !v128.any_true(f32x4.gt(v, f32x4.splat(floor)))) continue;
    for (let j = 0; j < 4; j++) {
      const x = load<f32>(logits + 4 * (i + j));
      if (count < keep || x > floor) {
        count = insert(values, tokens, count, keep, x, i + j);
        if (count == keep) floor = load<f32>(values + 4 * (keep - 1));
      }
    }
  }
  for (let i = quads; i < vocab; i++) {
    const x = load<f32>(logits + 4 * i);
    if (count < keep || x > floor) {
      count = insert(values, tokens, count, keep, x, i);
      if (count == keep) floor = load<f32>(values + 4 * (keep - 1));
    }
  }
  const max = <f64>load<f32>(values);
  const edge = f32x4.splat(load<f32>(values + 4 * (count - 1)) - margin);
  let acc = f64x2.splat(0);
  let near = i32x4.splat(0);
  for (let i = 0; i < quads; i += 4) {
    const v = v128.load(logits + 4 * i);
    near = i32x4.sub(near, f32x4.ge(v, edge)); // true lanes are −1
    const lo = f64x2.sub(f64x2.promote_low_f32x4(v), f64x2.splat(max));
    const hi = f64x2.sub(f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1)), f64x2.splat(max));
    acc = f64x2.add(acc, f64x2.add(exp2lanes(lo), exp2lanes(hi)));
  }
  let total = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  let nearCount =
    i32x4.extract_lane(near, 0) + i32x4.extract_lane(near, 1) + i32x4.extract_lane(near, 2) + i32x4.extract_lane(near, 3);
  for (let i = quads; i < vocab; i++) {
    const x = load<f32>(logits + 4 * i);
    if (x >= f32x4.extract_lane(edge, 0)) nearCount++;
    total += f64x2.extract_lane(exp2lanes(f64x2.splat(<f64>x - max)), 0);
  }
  store<f64>(sum, total);
  return nearCount;
}
