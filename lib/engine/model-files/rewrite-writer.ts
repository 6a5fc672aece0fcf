/**
 * Writing the projection rewrite's plan (rewrite-projection.ts) into new model bytes: only the messages on the
 * way to an edited node are rebuilt; every other field, the initializers' payloads included, is a slice of the
 * original bytes.
 */
import type { OnnxGraph, OnnxNode } from './onnx-graph';
import { ProtoWriter, splitFields } from './proto-writer';

export interface RewritePlan {
  table: string;
  /** The top-level values made once: the table transposed, then (q8) dequantized, which the products read. */
  transposed: string;
  projected: string;
  /** q8: the DequantizeLinear's scale and zero point inputs, as the file names them. */
  dequantize: string[] | null;
  /** The Transposes and DequantizeLinears of the table, wherever they were. */
  remove: Set<OnnxNode>;
  /** MatMuls whose B becomes `projected`. */
  retarget: Set<OnnxNode>;
  /**
   * The merged decoder: the product taken out of its If, so that ONNX Runtime packs the table for one MatMul, not
   * one per branch. Each branch then ends at its last hidden state (`hidden`), the If's output `output`.
   */
  hoist: { node: OnnxNode; output: number; hidden: Map<OnnxGraph, string>; bias: string } | null;
  /**
   * The product left to the engine's own kernel (q8, hoisted only): no chain, no product, no bias in the file; the
   * If's output, the last hidden state, is the graph's output `HIDDEN` in place of the logits.
   */
  cut: boolean;
}

/** The graph output a cut decoder gives in place of its logits: [rows, length, d]. */
export const HIDDEN = 'last_hidden_state';

function nodeProto(op: string, name: string, inputs: string[], outputs: string[], perm?: number[]) {
  const w = new ProtoWriter();
  for (const i of inputs) w.string(1, i);
  for (const o of outputs) w.string(2, o);
  w.string(3, name).string(4, op);
  if (perm) {
    const a = new ProtoWriter().string(1, 'perm');
    for (const v of perm) a.int(8, v);
    w.message(5, a.int(20, 7)); // AttributeProto.INTS
  }
  return w;
}

export function writeRewrite(bytes: Uint8Array, main: OnnxGraph, p: RewritePlan): Uint8Array {
  const copy = (start: number, end: number) => bytes.subarray(start, end);
  const logits = p.hoist ? p.hoist.node.outputs[p.hoist.output]! : '';
  const touched = new Map<OnnxGraph, boolean>();
  const edited = (g: OnnxGraph): boolean => {
    if (!touched.has(g))
      touched.set(
        g,
        g.nodes.some(
          (n) => p.remove.has(n) || p.retarget.has(n) || p.hoist?.node === n || Object.values(n.graphs).some(edited),
        ),
      );
    return touched.get(g)!;
  };

  const graph = (g: OnnxGraph, body: [number, number]) => {
    const w = new ProtoWriter();
    if (g === main && !p.cut) {
      // Once, first: its inputs are initializers, so ONNX Runtime folds it into one top-level table.
      w.message(1, nodeProto('Transpose', p.transposed, [p.table], [p.transposed], [1, 0]));
      if (p.dequantize)
        w.message(1, nodeProto('DequantizeLinear', p.projected, [p.transposed, ...p.dequantize], [p.projected]));
    }
    const hidden = p.hoist?.hidden.get(g);
    let index = 0;
    let output = 0;
    let initializer = 0;
    const cutOutput = g === main && p.cut ? main.outputs.indexOf(logits) : -1;
    for (const f of splitFields(bytes, body[0], body[1])) {
      if (f.n === 12 && f.body && hidden !== undefined && output++ === p.hoist!.output) {
        w.message(12, hiddenOutput(f.body, hidden));
        continue;
      }
      if (f.n === 12 && f.body && cutOutput >= 0 && output++ === cutOutput) {
        w.message(12, hiddenOutput(f.body, HIDDEN));
        continue;
      }
      // Cut, the final bias is added by the kernel: left in the file, ONNX Runtime would warn of an unused initializer.
      if (f.n === 5 && g === main && p.cut && g.initializers[initializer++]?.name === p.hoist?.bias) continue;
      if (f.n !== 1 || !f.body) {
        w.raw(copy(f.start, f.end));
        continue;
      }
      const n = g.nodes[index++]!;
      if (p.remove.has(n)) continue;
      if (p.retarget.has(n) || p.hoist?.node === n || Object.values(n.graphs).some(edited))
        w.message(1, node(n, f.body));
      else w.raw(copy(f.start, f.end));
      if (p.hoist?.node === n && !p.cut) {
        // The product, once, after the If: ONNX Runtime packs the folded table for this one MatMul.
        w.message(
          1,
          nodeProto('MatMul', `${logits}.projection`, [`${logits}.hidden`, p.projected], [`${logits}.product`]),
        );
        w.message(1, nodeProto('Add', `${logits}.bias`, [`${logits}.product`, p.hoist.bias], [logits]));
      }
    }
    return w;
  };

  /** A branch's output, now its last hidden state: renamed, its shape dropped (its last axis is d now, not V). */
  const hiddenOutput = (body: [number, number], name: string) => {
    const w = new ProtoWriter().string(1, name);
    for (const f of splitFields(bytes, body[0], body[1])) {
      if (f.n === 1) continue;
      if (f.n !== 2 || !f.body) w.raw(copy(f.start, f.end));
      else {
        const type = new ProtoWriter(); // TypeProto > tensor_type (1) > shape (2), dropped
        for (const t of splitFields(bytes, f.body[0], f.body[1])) {
          if (t.n !== 1 || !t.body) type.raw(copy(t.start, t.end));
          else
            type.message(
              1,
              splitFields(bytes, t.body[0], t.body[1])
                .filter((x) => x.n !== 2)
                .reduce((tensor, x) => tensor.raw(copy(x.start, x.end)), new ProtoWriter()),
            );
        }
        w.message(2, type);
      }
    }
    return w;
  };

  const node = (n: OnnxNode, body: [number, number]) => {
    const w = new ProtoWriter();
    let input = 0;
    let output = 0;
    for (const f of splitFields(bytes, body[0], body[1])) {
      if (f.n === 1 && input++ === 1 && p.retarget.has(n)) w.string(1, p.projected);
      else if (f.n === 2 && p.hoist?.node === n && output++ === p.hoist.output)
        w.string(2, p.cut ? HIDDEN : `${logits}.hidden`);
      else if (f.n === 5 && f.body) w.message(5, attribute(n, f.body));
      else w.raw(copy(f.start, f.end));
    }
    return w;
  };
  const attribute = (n: OnnxNode, body: [number, number]) => {
    const fields = splitFields(bytes, body[0], body[1]);
    const nameField = fields.find((f) => f.n === 1 && f.body);
    const sub = nameField ? n.graphs[new TextDecoder().decode(copy(...nameField.body!))] : undefined;
    const w = new ProtoWriter();
    for (const f of fields) {
      if (f.n === 6 && f.body && sub && edited(sub)) w.message(6, graph(sub, f.body));
      else w.raw(copy(f.start, f.end));
    }
    return w;
  };

  const model = new ProtoWriter();
  for (const f of splitFields(bytes, 0, bytes.length)) {
    if (f.n === 7 && f.body) model.message(7, graph(main, f.body));
    else model.raw(copy(f.start, f.end));
  }
  return model.finish();
}
