/**
 * What the engine's projection kernel needs from a q8 decoder file to multiply its output layer itself: the tied
 * table as stored (uint8 [V, d]), its scale and zero point, the final logits bias. Read straight from the
 * initializers' raw bytes; a file that stores any of them another way (typed fields, other types) keeps ONNX
 * Runtime's product.
 */
import type { OnnxGraph, OnnxTensor } from './onnx-graph';

export interface KernelTable {
  /** uint8 [V, d], a view of the file's bytes. */
  table: Uint8Array;
  V: number;
  d: number;
  scale: number;
  zp: number;
  bias: Float32Array;
}

const raw = (bytes: Uint8Array, t: OnnxTensor | undefined, dataType: number, length: number) =>
  t && t.rawAt >= 0 && t.dataType === dataType && t.bytes === length ? bytes.subarray(t.rawAt, t.rawAt + length) : null;

/** The kernel's inputs, or null where the file does not hold them as the kernel reads them. */
export function kernelTable(
  bytes: Uint8Array,
  main: OnnxGraph,
  tableName: string,
  [scaleName, zpName]: string[],
  biasName: string,
): KernelTable | null {
  const find = (name: string | undefined) => main.initializers.find((t) => t.name === name);
  const t = find(tableName);
  const [V, d] = t?.dims ?? [];
  // The kernel takes 16 values of a row at a time.
  if (!V || !d || d % 16 !== 0) return null;
  const table = raw(bytes, t, 2, V * d);
  const scale = raw(bytes, find(scaleName), 1, 4);
  const zp = zpName ? raw(bytes, find(zpName), 2, 1) : new Uint8Array(1);
  const bias = raw(bytes, find(biasName), 1, 4 * V);
  if (!table || !scale || !zp || !bias) return null;
  // Copies of the small values (a raw payload need not be 4-byte aligned in the file).
  const floats = (b: Uint8Array) => new Float32Array(b.slice().buffer);
  return { table, V, d, scale: floats(scale)[0]!, zp: zp[0]!, bias: floats(bias) };
}
