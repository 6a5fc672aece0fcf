"""The Marian graphs' other dtypes and their saving (scripts/marian_onnx.py re-exports these): int8 as
onnxruntime's quantize_dynamic writes it with transformers.js's options, float16, and the sinusoidal positions."""

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

def _walk(graph, visit):
    """Every graph and subgraph (If branches), depth first."""
    visit(graph)
    for node in graph.node:
        for attr in node.attribute:
            if attr.type == onnx.AttributeProto.GRAPH:
                _walk(attr.g, visit)


def quantize_dynamic(model):
    """What onnxruntime's quantize_dynamic writes with the options transformers.js's conversion used
    (per_channel=True, reduce_range=True, weight_type=QInt8, EnableSubgraph=True, MatMulConstBOnly by default):
    - every MatMul whose B is a 2-D float initializer: int8 weights per output column, symmetric, 7-bit
      (reduce_range: [-64, 64]), and DynamicQuantizeLinear(x) -> MatMulInteger(x_q, W_q, x_zp, W_zp[N]) -> Cast ->
      Mul(x_scale * W_scale[N]): the activations quantized with one scale per tensor;
    - a Gather of a float table (GatherQuant): the table as uint8, asymmetric, one scale and zero point (the
      activation type), then DequantizeLinear of the gathered rows;
    - a Transpose of that table stays 8-bit (Direct8BitOp), and its consumer, the output projection's MatMul whose
      B is no initializer, is left in float behind a DequantizeLinear of the whole transposed table.
    Weights shared by both If branches are quantized once, at the top level."""
    m = onnx.ModelProto()
    m.CopyFrom(model)
    inits = {i.name: i for i in m.graph.initializer}
    quantized = {}

    def add(*arrays):
        m.graph.initializer.extend(numpy_helper.from_array(a, n) for n, a in arrays)

    def q_weight(name):
        if name not in quantized:
            w = numpy_helper.to_array(inits[name])
            scale = (np.maximum(np.abs(w).max(axis=0), 1e-8) / 64.0).astype(np.float32)
            q = np.clip(np.round(w / scale), -64, 64).astype(np.int8)
            add((name + "_quantized", q), (name + "_scale", scale), (name + "_zero_point", np.zeros(w.shape[1], dtype=np.int8)))
            quantized[name] = True
        return name + "_quantized", name + "_scale", name + "_zero_point"

    def q_table(name):
        if name not in quantized:
            t = numpy_helper.to_array(inits[name])
            rmin, rmax = min(float(t.min()), 0.0), max(float(t.max()), 0.0)
            scale = np.float32(max(rmax - rmin, 1e-8) / 255.0)
            zp = np.uint8(np.clip(np.round(-rmin / scale), 0, 255))
            q = np.clip(np.round(t / scale) + zp, 0, 255).astype(np.uint8)
            add((name + "_quantized", q), (name + "_scale", np.array(scale, dtype=np.float32)), (name + "_zero_point", np.array(zp, dtype=np.uint8)))
            quantized[name] = True
        return name + "_quantized", name + "_scale", name + "_zero_point"

    is_float_2d = lambda name: name in inits and inits[name].data_type == TensorProto.FLOAT and len(inits[name].dims) == 2  # noqa: E731
    counter = [0]

    def fresh(hint):
        counter[0] += 1
        return f"{hint}_q{counter[0]}"

    def rewrite(graph):
        nodes = []
        for node in graph.node:
            if node.op_type == "MatMul" and is_float_2d(node.input[1]):
                w_q, w_s, w_zp = q_weight(node.input[1])
                x_q, x_s, x_zp = fresh("x_q"), fresh("x_scale"), fresh("x_zp")
                acc, acc_f, scale = fresh("acc"), fresh("acc_f"), fresh("scale")
                nodes += [
                    helper.make_node("DynamicQuantizeLinear", [node.input[0]], [x_q, x_s, x_zp], name=fresh("dql")),
                    helper.make_node("MatMulInteger", [x_q, w_q, x_zp, w_zp], [acc], name=fresh("mmi")),
                    helper.make_node("Cast", [acc], [acc_f], to=TensorProto.FLOAT, name=fresh("cast")),
                    helper.make_node("Mul", [x_s, w_s], [scale], name=fresh("scale")),
                    helper.make_node("Mul", [acc_f, scale], list(node.output), name=fresh("dequant")),
                ]
            elif node.op_type == "Gather" and is_float_2d(node.input[0]):
                t_q, t_s, t_zp = q_table(node.input[0])
                gathered = fresh("gathered")
                gather = helper.make_node("Gather", [t_q, node.input[1]], [gathered], name=fresh("gather"))
                gather.attribute.extend(node.attribute)
                nodes += [gather, helper.make_node("DequantizeLinear", [gathered, t_s, t_zp], list(node.output), name=fresh("dq"))]
            elif node.op_type == "Transpose" and is_float_2d(node.input[0]):
                t_q, t_s, t_zp = q_table(node.input[0])
                moved = fresh("transposed")
                transpose = helper.make_node("Transpose", [t_q], [moved], name=fresh("transpose"))
                transpose.attribute.extend(node.attribute)
                nodes += [transpose, helper.make_node("DequantizeLinear", [moved, t_s, t_zp], list(node.output), name=fresh("dq_whole_table"))]
            else:
                nodes.append(node)
        del graph.node[:]
        graph.node.extend(nodes)

    _walk(m.graph, rewrite)
    kept = [i for i in m.graph.initializer if i.name not in quantized]
    del m.graph.initializer[:]
    m.graph.initializer.extend(kept)
    return m


def to_fp16(model):
    """float16 weights and compute; float32 at the inputs and outputs (a Cast at each), so callers are unchanged."""
    m = onnx.ModelProto()
    m.CopyFrom(model)
    half = lambda a: np.clip(a, -np.inf, np.inf).astype(np.float16) if np.all(np.abs(a[np.isfinite(a)]) <= 65504) else np.where(np.abs(a) > 65504, np.sign(a) * np.inf, a).astype(np.float16)  # noqa: E731
    for init in m.graph.initializer:
        if init.data_type == TensorProto.FLOAT:
            # Beyond float16's range (the -1e9 of attention masks) is -inf, on purpose: Where, not Mul, applies it.
            init.CopyFrom(numpy_helper.from_array(half(numpy_helper.to_array(init)), init.name))

    def convert(graph):
        for node in graph.node:
            for attr in node.attribute:
                if node.op_type == "Cast" and attr.name == "to" and attr.i == TensorProto.FLOAT:
                    attr.i = TensorProto.FLOAT16
                if attr.type == onnx.AttributeProto.TENSOR and attr.t.data_type == TensorProto.FLOAT:
                    attr.t.CopyFrom(numpy_helper.from_array(numpy_helper.to_array(attr.t).astype(np.float16), attr.t.name))
        for value in list(graph.output):
            if value.type.tensor_type.elem_type == TensorProto.FLOAT:
                value.type.tensor_type.elem_type = TensorProto.FLOAT16

    _walk(m.graph, convert)
    # Graph inputs and outputs stay float32: a Cast right after each float input, right before each output.
    g = m.graph
    renames, casts_in = {}, []
    for value in g.input:
        if value.type.tensor_type.elem_type == TensorProto.FLOAT:
            inner = value.name + "_fp16"
            renames[value.name] = inner
            casts_in.append(helper.make_node("Cast", [value.name], [inner], to=TensorProto.FLOAT16, name=value.name + "_to_fp16"))

    def rename(graph):
        for node in graph.node:
            for k, name in enumerate(node.input):
                if name in renames:
                    node.input[k] = renames[name]

    _walk(g, rename)
    casts_out = []
    for value in g.output:
        inner = value.name + "_fp16"
        for node in g.node:
            for k, name in enumerate(node.output):
                if name == value.name:
                    node.output[k] = inner
        casts_out.append(helper.make_node("Cast", [inner], [value.name], to=TensorProto.FLOAT, name=value.name + "_to_fp32"))
        value.type.tensor_type.elem_type = TensorProto.FLOAT
    nodes = casts_in + list(g.node) + casts_out
    del g.node[:]
    g.node.extend(nodes)
    return m


def sinusoids(n_pos, dim):
    """Marian's sinusoidal positions: sin in the first half of each vector, cos in the second."""
    pos = np.arange(n_pos)[:, None]
    j = np.arange(dim)[None, :]
    enc = pos / np.power(10000, 2 * (j // 2) / dim)
    out = np.zeros((n_pos, dim), dtype=np.float32)
    half = dim // 2
    out[:, :half] = np.sin(enc[:, 0::2])
    out[:, half:] = np.cos(enc[:, 1::2])
    return out


def save(model, path):
    onnx.checker.check_model(model, full_check=False)
    onnx.save(model, str(path))
