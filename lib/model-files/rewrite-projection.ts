/**
 * The load-time rewrite of a Marian decoder's output projection (issue 26). The Hub's files hold the tied table
 * once as [V, d] and reach the projection through Transpose (fp32) or Transpose + DequantizeLinear of the whole
 * table (q8) inside both branches of the merged decoder's If: ONNX Runtime folds the Transpose once per branch (a
 * copy of the table each), and leaves q8's DequantizeLinear to run on all 34 M values at every step.
 *
 * The rewrite moves that chain out of the branches to the top level, once, and asks ONNX Runtime to fold it
 * (`session.disable_quant_qdq` lets its constant folding compute a DequantizeLinear of constants): the float [d, V]
 * table is made by ONNX Runtime's own kernels when the session is created and held once; each branch's MatMul
 * reads it. The file stays its size, no table is computed in JavaScript, the embedding's Gathers keep the stored
 * table, and the floats multiplied are bitwise those of the unmodified file (no activation is quantized that was
 * not). A file that does not match exactly runs as it is.
 */
import { readOnnxGraph, type OnnxGraph, type OnnxNode } from './onnx-graph';
import { projectionOf, type ProjectionKind } from './projection';
import { ProtoWriter, splitFields } from './proto-writer';

export interface ProjectionRewrite {
  /** What the engine did with the file: said in the console (debug) and on the model's line in the reader. */
  path: 'rewritten' | 'as-is';
  /** The structure found (projection.ts's kinds), or 'none' for a file without a projection (an encoder). */
  found: ProjectionKind | 'none';
  /** Why a file with a projection runs as it is. */
  reason?: string;
}

/** Session settings the rewritten file needs (ONNX Runtime's config entries, as `extra` flattens them). */
export type SessionConfig = Record<string, string>;

/**
 * Without it ONNX Runtime never folds a DequantizeLinear (it keeps them for its QDQ fusions, which these files,
 * quantized dynamically, have no use for): the hoisted chain would run at every step, as in the unmodified file.
 */
const FOLD: SessionConfig = { 'session.disable_quant_qdq': '1' };

interface Plan {
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
}

type Consumer = { node: OnnxNode; graph: OnnxGraph };

function* allGraphs(g: OnnxGraph): Generator<OnnxGraph> {
  yield g;
  for (const n of g.nodes) for (const sub of Object.values(n.graphs)) yield* allGraphs(sub);
}

class NoMatch extends Error {}

function plan(main: OnnxGraph, kind: ProjectionKind, tableName: string): Plan {
  const table = main.initializers.find((t) => t.name === tableName);
  if (!table || table.dims.length !== 2) throw new NoMatch('the table is not a top-level initializer');
  if (main.inputs.includes(tableName)) throw new NoMatch('the table is also a graph input');
  const quantized = kind === 'dequantized-table';
  const graphs = [...allGraphs(main)];
  const consumers = new Map<string, Consumer[]>();
  for (const graph of graphs) for (const node of graph.nodes) for (const i of node.inputs) consumers.set(i, [...(consumers.get(i) ?? []), { node, graph }]);
  // A value the rewrite removes must be read by nothing else: not by another graph, not as an output.
  const only = (name: string, graph: OnnxGraph) => {
    if (graphs.some((g) => g.outputs.includes(name))) throw new NoMatch(`${name} is a graph output`);
    const users = consumers.get(name) ?? [];
    return users.every((c) => c.graph === graph) ? users : [];
  };
  const p: Plan = { table: tableName, transposed: `${tableName}.transposed`, projected: quantized ? `${tableName}.projected` : `${tableName}.transposed`, dequantize: null, remove: new Set(), retarget: new Set(), hoist: null };
  for (const { node, graph } of consumers.get(tableName) ?? []) {
    if (graph !== main && graph.initializers.some((t) => t.name === tableName)) throw new NoMatch('a subgraph shadows the table');
    if (node.opType !== 'Transpose') continue; // the embedding's Gathers keep the stored table
    if (node.ints.perm?.join() !== '1,0') throw new NoMatch('the table is transposed in another way');
    p.remove.add(node);
    let product = node.outputs[0]!;
    if (quantized) {
      const users = only(product, graph);
      const dq = users[0]?.node;
      if (users.length !== 1) throw new NoMatch('the transposed table is read by more than its DequantizeLinear');
      if (dq!.opType !== 'DequantizeLinear' || dq!.inputs[0] !== product) throw new NoMatch('the transposed table is not dequantized');
      const params = dq!.inputs.slice(1);
      if (p.dequantize && p.dequantize.join() !== params.join()) throw new NoMatch('the table is dequantized in two ways');
      if (params.some((name) => name && !main.initializers.some((t) => t.name === name))) throw new NoMatch('the scale or zero point is not a top-level initializer');
      if (Object.keys(dq!.ints).length) throw new NoMatch('the DequantizeLinear has attributes');
      p.dequantize = params;
      p.remove.add(dq!);
      product = dq!.outputs[0]!;
    }
    const matmuls = only(product, graph);
    if (!matmuls.length || matmuls.some((c) => c.node.opType !== 'MatMul' || c.node.inputs[1] !== product || c.node.inputs[0] === product)) {
      throw new NoMatch('the transposed table feeds something other than a MatMul');
    }
    for (const c of matmuls) p.retarget.add(c.node);
  }
  if (!p.retarget.size) throw new NoMatch('no MatMul multiplies by the table');
  p.hoist = hoistable(main, [...p.retarget], consumers, only);
  if (p.hoist) {
    for (const m of p.retarget) for (const n of chainAfter(m, consumers)) p.remove.add(n);
    p.retarget.clear();
  }
  return p;
}

/** MatMul -> Add(bias) -> [Identity]: the nodes after the product up to the branch's output. */
function chainAfter(matmul: OnnxNode, consumers: Map<string, Consumer[]>) {
  const add = consumers.get(matmul.outputs[0]!)?.[0]?.node;
  const identity = add && consumers.get(add.outputs[0]!)?.[0]?.node;
  return [matmul, add!, ...(identity?.opType === 'Identity' ? [identity] : [])];
}

/** One MatMul in each branch of one top-level If, each followed by the same bias and ending at the same output. */
function hoistable(main: OnnxGraph, matmuls: OnnxNode[], consumers: Map<string, Consumer[]>, only: (name: string, graph: OnnxGraph) => Consumer[]): Plan['hoist'] {
  const owner = main.nodes.find((n) => n.opType === 'If' && Object.values(n.graphs).some((g) => g.nodes.includes(matmuls[0]!)));
  const branches = owner ? Object.values(owner.graphs) : [];
  if (!owner || branches.length !== matmuls.length) return null;
  const hidden = new Map<OnnxGraph, string>();
  const ends = new Set<string>();
  for (const g of branches) {
    const matmul = matmuls.find((m) => g.nodes.includes(m));
    const users = matmul && !g.outputs.includes(matmul.outputs[0]!) ? only(matmul.outputs[0]!, g) : [];
    const add = users.length === 1 && users[0]!.node.opType === 'Add' ? users[0]!.node : null;
    const bias = add?.inputs.find((i) => i !== matmul!.outputs[0]);
    if (!add || !bias || !main.initializers.some((t) => t.name === bias && t.dims.length === 1)) return null;
    const after = g.outputs.includes(add.outputs[0]!) ? [] : only(add.outputs[0]!, g);
    const identity = after.length === 1 && after[0]!.node.opType === 'Identity' ? after[0]!.node : null;
    const out = identity ? identity.outputs[0]! : add.outputs[0]!;
    if ((!identity && after.length) || (consumers.get(out) ?? []).length || !g.outputs.includes(out)) return null;
    hidden.set(g, matmul!.inputs[0]!);
    ends.add(`${g.outputs.indexOf(out)} ${bias}`);
  }
  if (ends.size !== 1) return null;
  const [output, bias] = [...ends][0]!.split(' ') as [string, string];
  return { node: owner, output: Number(output), hidden, bias };
}

/** The file's bytes with the projection rewritten, or the same bytes and why not. Never throws on a valid file. */
export function rewriteProjection(bytes: Uint8Array): { bytes: Uint8Array; rewrite: ProjectionRewrite; session?: SessionConfig } {
  const main = readOnnxGraph(bytes);
  const report = projectionOf(main);
  if (!report.sites.length) return { bytes, rewrite: { path: 'as-is', found: 'none' } };
  const kinds = new Set(report.sites.map((s) => s.kind));
  const tables = new Set(report.sites.map((s) => s.chain[0]!));
  const [kind] = kinds;
  if (kinds.size === 1 && kind === 'direct') return { bytes, rewrite: { path: 'as-is', found: 'direct', reason: 'the product already reads the table as stored' } };
  if (kinds.size === 1 && kind === 'hoisted') {
    // Rewritten already, or a decoder without If: nothing to move, but q8's DequantizeLinear is only folded if asked.
    return { bytes, rewrite: { path: 'as-is', found: 'hoisted', reason: 'the table is transposed once, at the top level' }, session: report.sites.some((s) => s.chain.includes('DequantizeLinear')) ? FOLD : {} };
  }
  if (kinds.size !== 1 || tables.size !== 1 || (kind !== 'transposed-table' && kind !== 'dequantized-table')) {
    return { bytes, rewrite: { path: 'as-is', found: 'unknown', reason: `projection ${[...kinds].join(' + ')} is not a known pattern` } };
  }
  try {
    const p = plan(main, kind, [...tables][0]!);
    return { bytes: write(bytes, main, p), rewrite: { path: 'rewritten', found: kind }, session: p.dequantize ? FOLD : {} };
  } catch (err) {
    if (!(err instanceof NoMatch)) throw err;
    return { bytes, rewrite: { path: 'as-is', found: kind, reason: err.message } };
  }
}

// ---- writing ----

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

function write(bytes: Uint8Array, main: OnnxGraph, p: Plan): Uint8Array {
  const copy = (start: number, end: number) => bytes.subarray(start, end);
  const logits = p.hoist ? p.hoist.node.outputs[p.hoist.output]! : '';
  const touched = new Map<OnnxGraph, boolean>();
  const edited = (g: OnnxGraph): boolean => {
    if (!touched.has(g)) touched.set(g, g.nodes.some((n) => p.remove.has(n) || p.retarget.has(n) || p.hoist?.node === n || Object.values(n.graphs).some(edited)));
    return touched.get(g)!;
  };

  const graph = (g: OnnxGraph, body: [number, number]) => {
    const w = new ProtoWriter();
    if (g === main) {
      // Once, first: its inputs are initializers, so ONNX Runtime folds it into one top-level table.
      w.message(1, nodeProto('Transpose', p.transposed, [p.table], [p.transposed], [1, 0]));
      if (p.dequantize) w.message(1, nodeProto('DequantizeLinear', p.projected, [p.transposed, ...p.dequantize], [p.projected]));
    }
    const hidden = p.hoist?.hidden.get(g);
    let index = 0;
    let output = 0;
    for (const f of splitFields(bytes, body[0], body[1])) {
      if (f.n === 12 && f.body && hidden !== undefined && output++ === p.hoist!.output) {
        w.message(12, hiddenOutput(f.body, hidden));
        continue;
      }
      if (f.n !== 1 || !f.body) {
        w.raw(copy(f.start, f.end));
        continue;
      }
      const n = g.nodes[index++]!;
      if (p.remove.has(n)) continue;
      if (p.retarget.has(n) || p.hoist?.node === n || Object.values(n.graphs).some(edited)) w.message(1, node(n, f.body));
      else w.raw(copy(f.start, f.end));
      if (p.hoist?.node === n) {
        // The product, once, after the If: ONNX Runtime packs the folded table for this one MatMul.
        w.message(1, nodeProto('MatMul', `${logits}.projection`, [`${logits}.hidden`, p.projected], [`${logits}.product`]));
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
          else type.message(1, splitFields(bytes, t.body[0], t.body[1]).filter((x) => x.n !== 2).reduce((tensor, x) => tensor.raw(copy(x.start, x.end)), new ProtoWriter()));
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
      else if (f.n === 2 && p.hoist?.node === n && output++ === p.hoist.output) w.string(2, `${logits}.hidden`);
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
