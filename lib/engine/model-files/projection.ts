/**
 * How a Marian decoder file computes its output projection onto the vocabulary, read from its graph: the tied
 * table, where it is, how many copies the file holds, and whether every step does work proportional to the whole
 * table besides the product itself (the Hub's q8 files dequantize all 34 M values per step).
 */
import type { ProjectionKind } from '@/lib/engine/shared/protocol';
import type { OnnxGraph, OnnxNode, OnnxTensor } from './onnx-graph';

export type { ProjectionKind };

export interface ProjectionSite {
  /** Where in the file: "main", or "main > If(name).then_branch". */
  graph: string;
  kind: ProjectionKind;
  /** The ops from the table to the product, in order. */
  chain: string[];
}

export interface ProjectionReport {
  vocabulary: number | null;
  /** Every initializer shaped like the table ([V, d] or [d, V]), wherever it is. */
  tables: (OnnxTensor & { graph: string })[];
  sites: ProjectionSite[];
  /** Work proportional to the whole table on every step, besides the product (a DequantizeLinear of it all, per branch). */
  wholeTablePerStep: boolean;
}

const DTYPE: Record<number, string> = { 1: 'float32', 2: 'uint8', 3: 'int8', 10: 'float16' };
export const dtypeName = (t: number) => DTYPE[t] ?? `type ${t}`;

function* graphs(g: OnnxGraph, path = 'main'): Generator<[string, OnnxGraph]> {
  yield [path, g];
  for (const n of g.nodes)
    for (const [attr, sub] of Object.entries(n.graphs)) yield* graphs(sub, `${path} > ${n.opType}(${n.name}).${attr}`);
}

/** Reads the projection's structure from a decoder's graph. */
export function projectionOf(main: OnnxGraph): ProjectionReport {
  const all = [...graphs(main)];
  const bias = all
    .flatMap(([, g]) => g.initializers)
    .find((t) => t.dims.length === 1 && /final_logits_bias/.test(t.name));
  const vocabulary = bias?.dims[0] ?? null;
  const tables = all.flatMap(([path, g]) =>
    g.initializers
      .filter((t) => t.dims.length === 2 && vocabulary !== null && t.dims.includes(vocabulary))
      .map((t) => ({ ...t, graph: path })),
  );
  const tableNames = new Set(tables.map((t) => t.name));
  const sites: ProjectionSite[] = [];
  // Producers across scopes: a branch may read a value its parent graph computes.
  const producer = new Map<string, [OnnxNode, string]>();
  for (const [path, g] of all) for (const n of g.nodes) for (const o of n.outputs) producer.set(o, [n, path]);
  for (const [path, g] of all) {
    for (const n of g.nodes) {
      if (!['MatMul', 'MatMulInteger', 'DynamicQuantizeMatMul'].includes(n.opType)) continue;
      // Walk B back through Transpose / DequantizeLinear to an initializer.
      const chain: string[] = [];
      const where = new Set<string>();
      let name = n.inputs[1] ?? '';
      let step = producer.get(name);
      while (step && ['Transpose', 'DequantizeLinear', 'Cast'].includes(step[0].opType)) {
        chain.unshift(step[0].opType);
        where.add(step[1]);
        name = step[0].inputs[0] ?? '';
        step = producer.get(name);
      }
      if (!tableNames.has(name)) continue;
      chain.push(n.opType);
      const joined = chain.join(' > ');
      const known = joined === 'Transpose > MatMul' || joined === 'Transpose > DequantizeLinear > MatMul';
      // Hoisted: the chain once in the main graph (the engine's rewrite, or a decoder without If), for ONNX Runtime to fold.
      const hoisted = known && [...where].every((w) => w === 'main');
      const kind: ProjectionKind = hoisted
        ? 'hoisted'
        : joined === 'Transpose > MatMul'
          ? 'transposed-table'
          : joined === 'Transpose > DequantizeLinear > MatMul'
            ? 'dequantized-table'
            : chain.length === 1
              ? 'direct'
              : 'unknown';
      sites.push({ graph: path, kind, chain: [name, ...chain] });
    }
  }
  // Hoisted, the DequantizeLinear is folded when the session is created (rewrite-projection.ts asks for it).
  return { vocabulary, tables, sites, wholeTablePerStep: sites.some((s) => s.kind === 'dequantized-table') };
}
