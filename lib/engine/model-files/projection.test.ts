import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_MODEL_DIR, TEST_MODEL_ID } from '@/tests/tools/test-model';
import { readOnnxGraph } from './onnx-graph';
import { projectionOf } from './projection';

const file = (name: string) =>
  readOnnxGraph(new Uint8Array(readFileSync(path.join(TEST_MODEL_DIR, TEST_MODEL_ID, 'onnx', name))));

describe('the output projection, read from the files', () => {
  it('fp32: the tied [V, d] table once, transposed for the product in both If branches', () => {
    const report = projectionOf(file('decoder_model_merged.onnx'));
    expect(report.tables.map((t) => [t.graph, t.dims.length, t.dataType])).toEqual([['main', 2, 1]]);
    expect(report.tables[0]!.dims[0]).toBe(report.vocabulary);
    expect(report.sites.map((s) => [s.graph.replace(/\(.*\)/, '(If)'), s.kind]).sort()).toEqual([
      ['main > If(If).else_branch', 'transposed-table'],
      ['main > If(If).then_branch', 'transposed-table'],
    ]);
    expect(report.wholeTablePerStep).toBe(false);
  });

  it('q8 as quantize_dynamic writes it: the table uint8 once, the projection behind a DequantizeLinear of all of it', () => {
    const report = projectionOf(file('decoder_model_merged_quantized.onnx'));
    expect(report.tables.map((t) => [t.graph, t.dataType])).toEqual([['main', 2]]);
    expect(report.sites.map((s) => s.kind)).toEqual(['dequantized-table', 'dequantized-table']);
    expect(report.sites[0]!.chain.slice(1)).toEqual(['Transpose', 'DequantizeLinear', 'MatMul']);
    expect(report.wholeTablePerStep).toBe(true);
  });

  it('a file with no projection (the encoder) is reported as such, and bytes that are not ONNX are refused', () => {
    const encoder = projectionOf(file('encoder_model.onnx'));
    expect(encoder.sites).toEqual([]);
    expect(() => readOnnxGraph(new TextEncoder().encode('{"not": "onnx"}'))).toThrow();
  });
});
