"""Marian (opus-mt) as ONNX graphs, written with onnx.helper from a dict of weights.

Shared by scripts/make-test-model.py (the tiny test model) and scripts/make-standin-model.py (a stand-in of
opus-mt-nl-en's full size). The files have the layout transformers.js loads from the Hub:

- onnx/encoder_model.onnx: input_ids, attention_mask -> last_hidden_state;
- onnx/decoder_model_merged.onnx: input_ids, encoder_attention_mask, encoder_hidden_states,
  past_key_values.{i}.{decoder,encoder}.{key,value}, use_cache_branch -> logits, present.*; as optimum's
  merge_decoders writes it: one top-level If on use_cache_branch with the whole decoder in both branches (the
  first step computes the cross-attention K/V from encoder_hidden_states, later ones pass the past ones through),
  the weights top-level initializers, the tied table [V, d] gathered for the input and transposed for the output;
- *_quantized.onnx: what quantize_dynamic writes with transformers.js's options (see quantize_dynamic): int8
  per-channel 7-bit weights behind DynamicQuantizeLinear + MatMulInteger, the tied table as uint8 through its
  Gather, the output projection in float behind a DequantizeLinear of the whole table;
- *_fp16.onnx: float16 weights and compute, float32 inputs and outputs.

Weights (numpy float32), d = d_model:
  embed [V, d], final_logits_bias [V], positions [P, d] (sinusoidal),
  enc.{i}.{q,k,v,o}.{w [d, d], b [d]}, enc.{i}.ln1.{g,b}, enc.{i}.fc1.{w [d, F], b}, enc.{i}.fc2.{w [F, d], b}, enc.{i}.ln2.{g,b},
  dec.{i}.self.{q,k,v,o}.*, dec.{i}.ln1.*, dec.{i}.cross.{q,k,v,o}.*, dec.{i}.ln2.*, dec.{i}.fc1.*, dec.{i}.fc2.*, dec.{i}.ln3.*
"""

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17


class Graph:
    """Nodes and initializers under construction, with unique names."""

    def __init__(self, prefix=""):
        self.nodes, self.inits, self.n, self.prefix = [], [], 0, prefix

    def name(self, hint):
        self.n += 1
        return f"{self.prefix}{hint}_{self.n}"

    def op(self, op_type, inputs, hint=None, outputs=1, **attrs):
        outs = [self.name(hint or op_type) for _ in range(outputs)]
        self.nodes.append(helper.make_node(op_type, inputs, outs, name=self.name(op_type + "_node"), **attrs))
        return outs[0] if outputs == 1 else outs

    def const(self, array, hint="const"):
        name = self.name(hint)
        self.inits.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def weight(self, name, array):
        self.inits.append(numpy_helper.from_array(np.asarray(array, dtype=np.float32), name))
        return name


def _linear(g, x, w, b):
    return g.op("Add", [g.op("MatMul", [x, w]), b])


def _layer_norm(g, x, gamma, beta):
    return g.op("LayerNormalization", [x, gamma, beta], axis=-1, epsilon=1e-5)


def _heads(g, x, heads, head_dim):
    """[b, t, d] -> [b, heads, t, head_dim]"""
    shaped = g.op("Reshape", [x, g.const(np.array([0, 0, heads, head_dim], dtype=np.int64), "heads_shape")])
    return g.op("Transpose", [shaped], perm=[0, 2, 1, 3])


def _attend(g, q, k, v, bias, d_model):
    """q, k, v: [b, h, t|s, hd]; bias broadcast to [b, h, t, s] -> [b, t, d]"""
    scores = g.op("Add", [g.op("MatMul", [q, g.op("Transpose", [k], perm=[0, 1, 3, 2])]), bias])
    ctx = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])
    merged = g.op("Transpose", [ctx], perm=[0, 2, 1, 3])
    return g.op("Reshape", [merged, g.const(np.array([0, 0, d_model], dtype=np.int64), "model_shape")])


def _ffn(g, x, p):
    h = _linear(g, x, p + "fc1.w", p + "fc1.b")
    h = g.op("Mul", [h, g.op("Sigmoid", [h])])  # swish
    return _linear(g, h, p + "fc2.w", p + "fc2.b")


def _bias(g, hidden):
    """bool -> float: -1e9 where hidden, else 0 (Where, not a product: in float16 -1e9 is -inf, and 0 * -inf is NaN)."""
    return g.op("Where", [hidden, g.const(np.array(-1e9, dtype=np.float32), "neg"), g.const(np.array(0.0, dtype=np.float32), "zero_f")])


def _mask_bias(g, mask):
    """int64 [b, s] (1 = token) -> float [b, 1, 1, s] (0 or -1e9)"""
    hidden = g.op("Equal", [mask, g.const(np.array(0, dtype=np.int64), "zero_i")])
    return g.op("Unsqueeze", [_bias(g, hidden), g.const(np.array([1, 2], dtype=np.int64), "axes")])


def _embed(g, ids, positions, d_model, table="embed"):
    if table == "embed":
        x = g.op("Gather", ["embed", ids])
    else:  # [d, V]: gather columns, then [d, b, t] -> [b, t, d]
        x = g.op("Transpose", [g.op("Gather", [table, ids], axis=1)], perm=[1, 2, 0])
    x = g.op("Mul", [x, g.const(np.array(np.sqrt(d_model), dtype=np.float32), "embed_scale")])
    return g.op("Add", [x, positions])


def _add_weights(g, weights, keys):
    for key in keys:
        g.weight(key, weights[key])


def encoder_model(weights, cfg):
    d, h, layers = cfg["d_model"], cfg["heads"], cfg["encoder_layers"]
    hd = d // h
    g = Graph()
    _add_weights(g, weights, [k for k in weights if k.startswith("enc.")] + ["embed", "positions"])
    seq = g.op("Gather", [g.op("Shape", ["input_ids"]), g.const(np.array(1, dtype=np.int64), "one_i")])
    pos = g.op("Slice", ["positions", g.const(np.array([0], dtype=np.int64), "zero_v"), g.op("Unsqueeze", [seq, g.const(np.array([0], dtype=np.int64), "ax0")])])
    x = _embed(g, "input_ids", pos, d)
    bias = _mask_bias(g, "attention_mask")
    for i in range(layers):
        p = f"enc.{i}."
        q = g.op("Mul", [_linear(g, x, p + "q.w", p + "q.b"), g.const(np.array(hd ** -0.5, dtype=np.float32), "scaling")])
        attn = _attend(g, _heads(g, q, h, hd), _heads(g, _linear(g, x, p + "k.w", p + "k.b"), h, hd), _heads(g, _linear(g, x, p + "v.w", p + "v.b"), h, hd), bias, d)
        x = _layer_norm(g, g.op("Add", [x, _linear(g, attn, p + "o.w", p + "o.b")]), p + "ln1.g", p + "ln1.b")
        x = _layer_norm(g, g.op("Add", [x, _ffn(g, x, p)]), p + "ln2.g", p + "ln2.b")
    g.nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"], name="output"))
    graph = helper.make_graph(
        g.nodes, "encoder",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "encoder_sequence_length"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch_size", "encoder_sequence_length"])],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch_size", "encoder_sequence_length", d])],
        g.inits,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="tweetalig")


def _decoder_step(g, cfg, cross_kv):
    """One decoder step into Graph g, as optimum exports Marian: the tied table [V, d] gathered for the input and,
    behind a Transpose, multiplied for the output (optimum's _deduplicate_gather_matmul keeps the Gather's table and
    inserts that Transpose). cross_kv(i, "key"|"value") names layer i's cross-attention K/V.
    Returns the logits and the presents [(name, value)]."""
    d, h, layers = cfg["d_model"], cfg["heads"], cfg["decoder_layers"]
    hd = d // h
    i64 = lambda v, hint="c": g.const(np.array(v, dtype=np.int64), hint)  # noqa: E731
    # Positions continue from the cached length.
    past_len = g.op("Gather", [g.op("Shape", ["past_key_values.0.decoder.key"]), i64(2, "two")])
    new_len = g.op("Gather", [g.op("Shape", ["input_ids"]), i64(1, "one")])
    total = g.op("Add", [past_len, new_len])
    q_pos = g.op("Range", [past_len, total, i64(1, "step")])
    x = _embed(g, "input_ids", g.op("Gather", ["positions", q_pos]), d)
    # Causal mask over [past + new] keys for the new queries: key k is hidden from query j when k > past + j.
    k_pos = g.op("Range", [i64(0, "zero"), total, i64(1, "step")])
    later = g.op("Greater", [g.op("Unsqueeze", [k_pos, i64([0], "ax0")]), g.op("Unsqueeze", [q_pos, i64([1], "ax1")])])
    self_bias = _bias(g, later)
    cross_bias = _mask_bias(g, "encoder_attention_mask")
    presents = []
    for i in range(layers):
        p = f"dec.{i}."
        q = g.op("Mul", [_linear(g, x, p + "self.q.w", p + "self.q.b"), g.const(np.array(hd ** -0.5, dtype=np.float32), "scaling")])
        k = g.op("Concat", [f"past_key_values.{i}.decoder.key", _heads(g, _linear(g, x, p + "self.k.w", p + "self.k.b"), h, hd)], axis=2)
        v = g.op("Concat", [f"past_key_values.{i}.decoder.value", _heads(g, _linear(g, x, p + "self.v.w", p + "self.v.b"), h, hd)], axis=2)
        attn = _attend(g, _heads(g, q, h, hd), k, v, self_bias, d)
        x = _layer_norm(g, g.op("Add", [x, _linear(g, attn, p + "self.o.w", p + "self.o.b")]), p + "ln1.g", p + "ln1.b")
        ck, cv = cross_kv(i, "key"), cross_kv(i, "value")
        q2 = g.op("Mul", [_linear(g, x, p + "cross.q.w", p + "cross.q.b"), g.const(np.array(hd ** -0.5, dtype=np.float32), "scaling")])
        attn2 = _attend(g, _heads(g, q2, h, hd), ck, cv, cross_bias, d)
        x = _layer_norm(g, g.op("Add", [x, _linear(g, attn2, p + "cross.o.w", p + "cross.o.b")]), p + "ln2.g", p + "ln2.b")
        x = _layer_norm(g, g.op("Add", [x, _ffn(g, x, p)]), p + "ln3.g", p + "ln3.b")
        presents += [(f"present.{i}.decoder.key", k), (f"present.{i}.decoder.value", v), (f"present.{i}.encoder.key", ck), (f"present.{i}.encoder.value", cv)]
    # The output layer is the input embedding (tied), plus Marian's final logits bias.
    table_t = g.op("Transpose", ["embed"], hint="embed_transposed", perm=[1, 0])
    logits = g.op("Add", [g.op("MatMul", [x, table_t]), "final_logits_bias"])
    return logits, presents


def decoder_model_merged(weights, cfg):
    """The merged decoder as optimum's merge_decoders writes it: one top-level If on use_cache_branch, the whole
    decoder in both branches (with the past's cross-attention K/V in one, computing them from
    encoder_hidden_states in the other), every large weight a top-level initializer the branches share."""
    d, h, layers, vocab = cfg["d_model"], cfg["heads"], cfg["decoder_layers"], cfg["vocab_size"]
    hd = d // h
    g = Graph()
    _add_weights(g, weights, [k for k in weights if k.startswith("dec.")] + ["positions", "final_logits_bias", "embed"])

    past = lambda kind: ["batch_size", h, "past_decoder_sequence_length" if kind == "decoder" else "encoder_sequence_length_out", hd]  # noqa: E731
    present = lambda kind: ["batch_size", h, "past_decoder_sequence_length + 1" if kind == "decoder" else "encoder_sequence_length_out", hd]  # noqa: E731
    inputs = [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "decoder_sequence_length"]),
        helper.make_tensor_value_info("encoder_attention_mask", TensorProto.INT64, ["batch_size", "encoder_sequence_length"]),
        helper.make_tensor_value_info("encoder_hidden_states", TensorProto.FLOAT, ["batch_size", "encoder_sequence_length", d]),
    ]
    outs = [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch_size", "decoder_sequence_length", vocab])]
    for i in range(layers):
        for kind in ("decoder", "encoder"):
            for kv in ("key", "value"):
                inputs.append(helper.make_tensor_value_info(f"past_key_values.{i}.{kind}.{kv}", TensorProto.FLOAT, past(kind)))
                outs.append(helper.make_tensor_value_info(f"present.{i}.{kind}.{kv}", TensorProto.FLOAT, present(kind)))
    inputs.append(helper.make_tensor_value_info("use_cache_branch", TensorProto.BOOL, [1]))

    def branch(with_past):
        b = Graph("with_past_" if with_past else "no_past_")
        computed = {}

        def cross_kv(i, kv):
            if with_past:
                return f"past_key_values.{i}.encoder.{kv}"
            if (i, kv) not in computed:
                w = f"dec.{i}.cross.{'k' if kv == 'key' else 'v'}."
                computed[(i, kv)] = _heads(b, _linear(b, "encoder_hidden_states", w + "w", w + "b"), h, hd)
            return computed[(i, kv)]

        logits, presents = _decoder_step(b, cfg, cross_kv)
        names = [b.op("Identity", [logits], "logits")] + [b.op("Identity", [value], name.replace(".", "_")) for name, value in presents]
        typed = [helper.make_tensor_value_info(n, TensorProto.FLOAT, None) for n in names]
        return helper.make_graph(b.nodes, "decoder_with_past" if with_past else "decoder", [], typed, b.inits)

    g.nodes.append(helper.make_node("Squeeze", ["use_cache_branch"], ["use_cache_branch_scalar"], name="cache_flag"))
    g.nodes.append(helper.make_node("If", ["use_cache_branch_scalar"], [o.name for o in outs], name="optimum::if", then_branch=branch(True), else_branch=branch(False)))
    graph = helper.make_graph(g.nodes, "merged_decoder", inputs, outs, g.inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="tweetalig")


# The dtypes (int8 as quantize_dynamic writes it, fp16), positions and saving: onnx_dtypes.py.
from onnx_dtypes import quantize_dynamic, save, sinusoids, to_fp16  # noqa: E402,F401
