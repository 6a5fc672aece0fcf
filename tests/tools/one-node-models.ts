/**
 * ONNX models of one product each, written with the engine's own protobuf writer: the references our kernels are
 * held to (tests, in onnxruntime-node) and measured against (npm run bench:kernels, in onnxruntime-web).
 */
import { ProtoWriter } from '@/lib/engine/model-files/proto-writer';
import type { KernelTable } from '@/lib/engine/model-files/kernel-table';

const UINT8 = 2;
const INT8 = 3;
const INT32 = 6;
const FLOAT = 1;

const valueInfo = (name: string, elemType: number) =>
  new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, new ProtoWriter().int(1, elemType)));

function tensor(name: string, dataType: number, dims: number[], raw: Uint8Array) {
  const t = new ProtoWriter();
  for (const d of dims) t.int(1, d);
  return t.int(2, dataType).string(8, name).bytes(9, raw);
}

function node(op: string, inputs: string[], outputs: string[]) {
  const n = new ProtoWriter();
  for (const i of inputs) n.string(1, i);
  for (const o of outputs) n.string(2, o);
  return n.string(3, op.toLowerCase()).string(4, op);
}

function model(graph: ProtoWriter): Uint8Array {
  return new ProtoWriter().int(1, 8).message(8, new ProtoWriter().string(1, '').int(2, 17)).message(7, graph).finish();
}

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** MatMulInteger(A uint8 [M, K], B, a_zero_point uint8, b_zero_point): B and its zero points constant when given. */
export function matmulIntegerModel(weights?: { K: number; N: number; b: Int8Array; zb: Int8Array }): Uint8Array {
  const graph = new ProtoWriter()
    .message(1, node('MatMulInteger', ['A', 'B', 'a_zero_point', 'b_zero_point'], ['Y']))
    .string(2, 'matmul_integer');
  if (weights) {
    graph.message(5, tensor('B', INT8, [weights.K, weights.N], bytesOf(weights.b)));
    graph.message(5, tensor('b_zero_point', INT8, [weights.N], bytesOf(weights.zb)));
  }
  graph.message(11, valueInfo('A', UINT8)).message(11, valueInfo('a_zero_point', UINT8));
  if (!weights) graph.message(11, valueInfo('B', INT8)).message(11, valueInfo('b_zero_point', INT8));
  return model(graph.message(12, valueInfo('Y', INT32)));
}

/**
 * The q8 decoder's output projection as ONNX Runtime runs it once the app's rewrite has folded the table:
 * X [M, d] · T + bias, T [d, V] float = DequantizeLinear(table uint8 [V, d], scale, zero point) transposed.
 */
export function matmulModel(p: KernelTable): Uint8Array {
  const folded = new Float32Array(p.d * p.V);
  const s = Math.fround(p.scale);
  for (let v = 0; v < p.V; v++)
    for (let k = 0; k < p.d; k++) folded[k * p.V + v] = Math.fround((p.table[v * p.d + k]! - p.zp) * s);
  const graph = new ProtoWriter()
    .message(1, node('MatMul', ['X', 'T'], ['P']))
    .message(1, node('Add', ['P', 'bias'], ['Y']))
    .string(2, 'projection')
    .message(5, tensor('T', FLOAT, [p.d, p.V], bytesOf(folded)))
    .message(5, tensor('bias', FLOAT, [p.V], bytesOf(p.bias)))
    .message(11, valueInfo('X', FLOAT))
    .message(12, valueInfo('Y', FLOAT));
  return model(graph);
}
