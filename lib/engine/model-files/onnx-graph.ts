/**
 * Reads the structure of an ONNX file (nodes, initializers, subgraphs) straight from its protobuf bytes, without
 * a protobuf library: just the fields a model's graph needs, every other field skipped. Tensor payloads are not
 * copied, only measured. Field numbers are onnx.proto3's.
 */

export interface OnnxTensor {
  name: string;
  dims: number[];
  /** onnx TensorProto.DataType: 1 float, 2 uint8, 3 int8, 7 int64, 10 float16… */
  dataType: number;
  bytes: number;
  /** Where its raw_data starts in the file's bytes (-1: the values are in a typed field, or absent). */
  rawAt: number;
}

export interface OnnxNode {
  opType: string;
  name: string;
  inputs: string[];
  outputs: string[];
  /** Subgraphs by attribute name (an If's then_branch and else_branch). */
  graphs: Record<string, OnnxGraph>;
  /** Integer attributes (Gather's axis, Transpose's perm), by name. */
  ints: Record<string, number[]>;
}

export interface OnnxGraph {
  name: string;
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  /** The graph's declared inputs and outputs, by name. */
  inputs: string[];
  outputs: string[];
}

const BYTES_PER: Record<number, number> = {
  1: 4,
  2: 1,
  3: 1,
  4: 2,
  5: 2,
  6: 4,
  7: 8,
  9: 1,
  10: 2,
  11: 8,
  12: 4,
  13: 8,
  16: 2,
};

class Reader {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  varint(): number {
    let result = 0;
    let shift = 1;
    for (;;) {
      const b = this.buf[this.pos++]!;
      result += (b & 0x7f) * shift;
      if (b < 0x80) return result;
      shift *= 128;
    }
  }

  /** Calls `field` for each field of this message: its number, wire type, and a reader for its payload. */
  fields(field: (n: number, wire: number, sub: Reader | null, value: number) => void) {
    while (this.pos < this.end) {
      const key = this.varint();
      const n = Math.floor(key / 8);
      const wire = key & 7;
      if (wire === 0) field(n, wire, null, this.varint());
      else if (wire === 2) {
        const length = this.varint();
        field(n, wire, new Reader(this.buf, this.pos, this.pos + length), length);
        this.pos += length;
      } else if (wire === 5) this.pos += 4;
      else if (wire === 1) this.pos += 8;
      else throw new Error(`not an ONNX file (wire type ${wire} at byte ${this.pos})`);
    }
  }

  string(): string {
    return new TextDecoder().decode(this.buf.subarray(this.pos, this.end));
  }
}

function tensor(r: Reader): OnnxTensor {
  const t: OnnxTensor = { name: '', dims: [], dataType: 0, bytes: 0, rawAt: -1 };
  let raw = -1;
  r.fields((n, wire, sub, value) => {
    if (n === 1 && wire === 0) t.dims.push(value);
    else if (n === 1 && sub)
      while (sub.pos < sub.end) t.dims.push(sub.varint()); // packed
    else if (n === 2) t.dataType = value;
    else if (n === 8 && sub) t.name = sub.string();
    else if (n === 9) {
      raw = value;
      t.rawAt = sub ? sub.pos : -1;
    }
  });
  t.bytes = raw >= 0 ? raw : t.dims.reduce((a, b) => a * b, 1) * (BYTES_PER[t.dataType] ?? 1);
  return t;
}

function node(r: Reader): OnnxNode {
  const out: OnnxNode = { opType: '', name: '', inputs: [], outputs: [], graphs: {}, ints: {} };
  r.fields((n, _w, sub) => {
    if (!sub) return;
    if (n === 1) out.inputs.push(sub.string());
    else if (n === 2) out.outputs.push(sub.string());
    else if (n === 3) out.name = sub.string();
    else if (n === 4) out.opType = sub.string();
    else if (n === 5) {
      let name = '';
      let g: OnnxGraph | null = null;
      const ints: number[] = [];
      sub.fields((an, aw, asub, value) => {
        if (an === 1 && asub) name = asub.string();
        else if (an === 6 && asub) g = graph(asub);
        else if ((an === 3 || an === 8) && aw === 0)
          ints.push(value); // i, or ints one by one
        else if (an === 8 && asub) while (asub.pos < asub.end) ints.push(asub.varint()); // ints packed
      });
      if (g) out.graphs[name] = g;
      if (ints.length) out.ints[name] = ints;
    }
  });
  return out;
}

function graph(r: Reader): OnnxGraph {
  const g: OnnxGraph = { name: '', nodes: [], initializers: [], inputs: [], outputs: [] };
  r.fields((n, _w, sub) => {
    if (!sub) return;
    if (n === 1) g.nodes.push(node(sub));
    else if (n === 2) g.name = sub.string();
    else if (n === 5) g.initializers.push(tensor(sub));
    else if (n === 11 || n === 12)
      sub.fields((vn, _vw, vsub) => vn === 1 && vsub && (n === 11 ? g.inputs : g.outputs).push(vsub.string()));
  });
  return g;
}

/** The main graph of an ONNX model file's bytes. */
export function readOnnxGraph(bytes: Uint8Array): OnnxGraph {
  let main: OnnxGraph | null = null;
  new Reader(bytes).fields((n, _w, sub) => {
    if (n === 7 && sub) main = graph(sub);
  });
  if (!main) throw new Error('not an ONNX model: it has no graph');
  return main;
}
