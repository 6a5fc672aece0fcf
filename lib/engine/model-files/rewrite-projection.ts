/**
 * The load-time rewrite of a Marian decoder's output projection (issue 26). The Hub's files hold the tied table
 * once as [V, d] and reach the projection through Transpose (fp32) or Transpose + DequantizeLinear of the whole
 * table (q8) inside both branches of the merged decoder's If: ONNX Runtime folds the Transpose once per branch (a
 * copy of the table each), and leaves q8's DequantizeLinear to run on all 34 M values at every step.
 *
 * The rewrite moves that chain out of the branches to the top level, once, and asks ONNX Runtime to fold it
 * (`session.disable_quant_qdq` lets its constant folding compute a DequantizeLinear of constants): the float [d, V]
 * table is made by ONNX Runtime's own kernels when the session is created and held once. The product moves out
 * too (each branch ends at its last hidden state; one MatMul + Add of the bias after the If), so ONNX Runtime packs
 * the table for one GEMM, not one per branch. The file stays its size, nothing is computed in JavaScript, the
 * embedding's Gathers keep the stored
 * table, and the floats multiplied are bitwise those of the unmodified file (no activation is quantized that was
 * not). A file that does not match exactly runs as it is.
 */
import { readOnnxGraph, type OnnxGraph, type OnnxNode } from './onnx-graph';
import type { ProjectionKind, ProjectionRewrite } from '@/lib/engine/shared/protocol';
import { projectionOf } from './projection';

export type { ProjectionRewrite };
import { writeRewrite as write, type RewritePlan as Plan } from './rewrite-writer';
import { kernelTable, type KernelTable } from './kernel-table';

export type { KernelTable };

/**
 * Session settings the rewritten file needs, as ONNX Runtime's `extra` option takes them (it flattens
 * { session: { disable_quant_qdq: '1' } } into the config entry `session.disable_quant_qdq`).
 */
export type SessionExtra = Record<string, Record<string, string>>;

/**
 * Without it ONNX Runtime never folds a DequantizeLinear (it keeps them for its QDQ fusions, which these files,
 * quantized dynamically, have no use for): the hoisted chain would run at every step, as in the unmodified file.
 */
const FOLD: SessionExtra = { session: { disable_quant_qdq: '1' } };

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
  for (const graph of graphs)
    for (const node of graph.nodes)
      for (const i of node.inputs) consumers.set(i, [...(consumers.get(i) ?? []), { node, graph }]);
  // A value the rewrite removes must be read by nothing else: not by another graph, not as an output.
  const only = (name: string, graph: OnnxGraph) => {
    if (graphs.some((g) => g.outputs.includes(name))) throw new NoMatch(`${name} is a graph output`);
    const users = consumers.get(name) ?? [];
    return users.every((c) => c.graph === graph) ? users : [];
  };
  const p: Plan = {
    table: tableName,
    transposed: `${tableName}.transposed`,
    projected: quantized ? `${tableName}.projected` : `${tableName}.transposed`,
    dequantize: null,
    remove: new Set(),
    retarget: new Set(),
    hoist: null,
    cut: false,
  };
  for (const { node, graph } of consumers.get(tableName) ?? []) {
    if (graph !== main && graph.initializers.some((t) => t.name === tableName))
      throw new NoMatch('a subgraph shadows the table');
    if (node.opType !== 'Transpose') continue; // the embedding's Gathers keep the stored table
    if (node.ints.perm?.join() !== '1,0') throw new NoMatch('the table is transposed in another way');
    p.remove.add(node);
    let product = node.outputs[0]!;
    if (quantized) {
      const users = only(product, graph);
      const dq = users[0]?.node;
      if (users.length !== 1) throw new NoMatch('the transposed table is read by more than its DequantizeLinear');
      if (dq!.opType !== 'DequantizeLinear' || dq!.inputs[0] !== product)
        throw new NoMatch('the transposed table is not dequantized');
      const params = dq!.inputs.slice(1);
      if (p.dequantize && p.dequantize.join() !== params.join())
        throw new NoMatch('the table is dequantized in two ways');
      if (params.some((name) => name && !main.initializers.some((t) => t.name === name)))
        throw new NoMatch('the scale or zero point is not a top-level initializer');
      if (Object.keys(dq!.ints).length) throw new NoMatch('the DequantizeLinear has attributes');
      p.dequantize = params;
      p.remove.add(dq!);
      product = dq!.outputs[0]!;
    }
    const matmuls = only(product, graph);
    if (
      !matmuls.length ||
      matmuls.some((c) => c.node.opType !== 'MatMul' || c.node.inputs[1] !== product || c.node.inputs[0] === product)
    ) {
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
function hoistable(
  main: OnnxGraph,
  matmuls: OnnxNode[],
  consumers: Map<string, Consumer[]>,
  only: (name: string, graph: OnnxGraph) => Consumer[],
): Plan['hoist'] {
  const owner = main.nodes.find(
    (n) => n.opType === 'If' && Object.values(n.graphs).some((g) => g.nodes.includes(matmuls[0]!)),
  );
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

export interface RewriteOptions {
  /**
   * Leave q8's product to the engine's kernel (lib/engine/kernels/projection-kernel.ts): the file then ends at the
   * last hidden state, and the result carries the table as stored for the kernel to multiply.
   */
  kernel?: boolean;
}

/** The file's bytes with the projection rewritten, or the same bytes and why not. Never throws on a valid file. */
export function rewriteProjection(
  bytes: Uint8Array,
  options: RewriteOptions = {},
): {
  bytes: Uint8Array;
  rewrite: ProjectionRewrite;
  session?: SessionExtra;
  /** With `kernel`, where the file allowed it: what the kernel multiplies (views of `bytes`: copy, then drop). */
  table?: KernelTable;
} {
  const main = readOnnxGraph(bytes);
  const report = projectionOf(main);
  if (!report.sites.length) return { bytes, rewrite: { path: 'as-is', found: 'none' } };
  const kinds = new Set(report.sites.map((s) => s.kind));
  const tables = new Set(report.sites.map((s) => s.chain[0]!));
  const [kind] = kinds;
  if (kinds.size === 1 && kind === 'direct')
    return {
      bytes,
      rewrite: { path: 'as-is', found: 'direct', reason: 'the product already reads the table as stored' },
    };
  if (kinds.size === 1 && kind === 'hoisted') {
    // Rewritten already, or a decoder without If: nothing to move, but q8's DequantizeLinear is only folded if asked.
    return {
      bytes,
      rewrite: { path: 'as-is', found: 'hoisted', reason: 'the table is transposed once, at the top level' },
      session: report.sites.some((s) => s.chain.includes('DequantizeLinear')) ? FOLD : {},
    };
  }
  if (kinds.size !== 1 || tables.size !== 1 || (kind !== 'transposed-table' && kind !== 'dequantized-table')) {
    return {
      bytes,
      rewrite: {
        path: 'as-is',
        found: 'unknown',
        reason: `projection ${[...kinds].join(' + ')} is not a known pattern`,
      },
    };
  }
  try {
    const p = plan(main, kind, [...tables][0]!);
    const table =
      options.kernel && p.hoist && p.dequantize ? kernelTable(bytes, main, p.table, p.dequantize, p.hoist.bias) : null;
    if (table) {
      p.cut = true;
      return { bytes: write(bytes, main, p), rewrite: { path: 'kernel', found: kind }, table };
    }
    return {
      bytes: write(bytes, main, p),
      rewrite: { path: 'rewritten', found: kind },
      session: p.dequantize ? FOLD : {},
    };
  } catch (err) {
    if (!(err instanceof NoMatch)) throw err;
    return { bytes, rewrite: { path: 'as-is', found: kind, reason: err.message } };
  }
}
