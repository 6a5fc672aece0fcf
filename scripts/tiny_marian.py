"""Marian in torch, at any size: the model the test model is trained as, and the reference every decoding
test compares with. Post-LayerNorm, SiLU, sinusoidal positions, scaled tied embeddings, final logits bias,
pad as decoder start; the decoder takes its self-attention past, and recomputes cross-attention K/V (the
ONNX graphs cache them; the numbers are the same)."""

import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from marian_onnx import sinusoids


class Attention(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.d, self.heads_n = d, heads
        self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))

    def heads(self, x):
        b, t, _ = x.shape
        return x.view(b, t, self.heads_n, self.d // self.heads_n).transpose(1, 2)

    def project_kv(self, src):
        return self.heads(self.k(src)), self.heads(self.v(src))

    def attend(self, x, k, v, bias):
        b, t, _ = x.shape
        q = self.heads(self.q(x)) * (self.d // self.heads_n) ** -0.5
        w = torch.softmax(torch.matmul(q, k.transpose(2, 3)) + bias, dim=-1)
        return self.o(torch.matmul(w, v).transpose(1, 2).reshape(b, t, self.d))


class FFN(nn.Module):
    def __init__(self, d, ffn):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(d, ffn), nn.Linear(ffn, d)

    def forward(self, x):
        return self.fc2(F.silu(self.fc1(x)))


class EncoderLayer(nn.Module):
    def __init__(self, d, heads, ffn):
        super().__init__()
        self.attn, self.ln1, self.ffn, self.ln2 = Attention(d, heads), nn.LayerNorm(d), FFN(d, ffn), nn.LayerNorm(d)

    def forward(self, x, bias):
        k, v = self.attn.project_kv(x)
        x = self.ln1(x + self.attn.attend(x, k, v, bias))
        return self.ln2(x + self.ffn(x))


class DecoderLayer(nn.Module):
    def __init__(self, d, heads, ffn):
        super().__init__()
        self.self_attn, self.ln1 = Attention(d, heads), nn.LayerNorm(d)
        self.cross_attn, self.ln2 = Attention(d, heads), nn.LayerNorm(d)
        self.ffn, self.ln3 = FFN(d, ffn), nn.LayerNorm(d)

    def forward(self, x, past_k, past_v, self_bias, enc, cross_bias):
        k, v = self.self_attn.project_kv(x)
        k, v = torch.cat([past_k, k], dim=2), torch.cat([past_v, v], dim=2)
        x = self.ln1(x + self.self_attn.attend(x, k, v, self_bias))
        ck, cv = self.cross_attn.project_kv(enc)
        x = self.ln2(x + self.cross_attn.attend(x, ck, cv, cross_bias))
        return self.ln3(x + self.ffn(x)), k, v


class Marian(nn.Module):
    def __init__(self, vocab, pad_id, d=64, heads=4, ffn=128, layers=2, max_pos=512):
        super().__init__()
        self.d, self.heads, self.pad_id = d, heads, pad_id
        self.embed = nn.Embedding(vocab, d, padding_idx=pad_id)
        nn.init.normal_(self.embed.weight, std=d ** -0.5)
        self.register_buffer("pos", torch.from_numpy(sinusoids(max_pos, d)), persistent=False)
        self.enc_layers = nn.ModuleList([EncoderLayer(d, heads, ffn) for _ in range(layers)])
        self.dec_layers = nn.ModuleList([DecoderLayer(d, heads, ffn) for _ in range(layers)])
        self.final_logits_bias = nn.Parameter(torch.zeros(vocab))

    def encode(self, input_ids, attention_mask):
        x = self.embed(input_ids) * math.sqrt(self.d) + self.pos[: input_ids.shape[1]]
        bias = (1.0 - attention_mask[:, None, None, :].float()) * -1e9
        for layer in self.enc_layers:
            x = layer(x, bias)
        return x

    def decode(self, input_ids, enc_mask, enc, past, past_len):
        t = input_ids.shape[1]
        x = self.embed(input_ids) * math.sqrt(self.d) + self.pos[torch.arange(t) + past_len]
        keys, all_keys = torch.arange(t) + past_len, torch.arange(t + past_len)
        self_bias = (all_keys[None, :] > keys[:, None]).float()[None, None] * -1e9
        cross_bias = (1.0 - enc_mask[:, None, None, :].float()) * -1e9
        presents = []
        for i, layer in enumerate(self.dec_layers):
            x, k, v = layer(x, past[i][0], past[i][1], self_bias, enc, cross_bias)
            presents.append((k, v))
        return torch.matmul(x, self.embed.weight.t()) + self.final_logits_bias, presents

    def empty_past(self, batch):
        z = torch.zeros(batch, self.heads, 0, self.d // self.heads)
        return [(z, z) for _ in self.dec_layers]

    # -- the weights as scripts/marian_onnx.py names them ([in, out] matrices) --------------------------

    def onnx_weights(self):
        w = {"embed": self.embed.weight, "final_logits_bias": self.final_logits_bias, "positions": self.pos}
        lin = lambda name, m: {f"{name}.w": m.weight.t(), f"{name}.b": m.bias}  # noqa: E731
        ln = lambda name, m: {f"{name}.g": m.weight, f"{name}.b": m.bias}  # noqa: E731
        for i, l in enumerate(self.enc_layers):
            for n in "qkvo":
                w.update(lin(f"enc.{i}.{n}", getattr(l.attn, n)))
            w.update(ln(f"enc.{i}.ln1", l.ln1) | ln(f"enc.{i}.ln2", l.ln2) | lin(f"enc.{i}.fc1", l.ffn.fc1) | lin(f"enc.{i}.fc2", l.ffn.fc2))
        for i, l in enumerate(self.dec_layers):
            for n in "qkvo":
                w.update(lin(f"dec.{i}.self.{n}", getattr(l.self_attn, n)) | lin(f"dec.{i}.cross.{n}", getattr(l.cross_attn, n)))
            w.update(ln(f"dec.{i}.ln1", l.ln1) | ln(f"dec.{i}.ln2", l.ln2) | ln(f"dec.{i}.ln3", l.ln3))
            w.update(lin(f"dec.{i}.fc1", l.ffn.fc1) | lin(f"dec.{i}.fc2", l.ffn.fc2))
        return {k: v.detach().numpy().astype(np.float32) for k, v in w.items()}

    @torch.no_grad()
    def load_onnx_weights(self, w):
        """The inverse of onnx_weights: a model from the weights in the ONNX files."""
        t = lambda a: torch.from_numpy(np.ascontiguousarray(a))  # noqa: E731

        def lin(name, m):
            m.weight.copy_(t(w[f"{name}.w"]).t())
            m.bias.copy_(t(w[f"{name}.b"]))

        def ln(name, m):
            m.weight.copy_(t(w[f"{name}.g"]))
            m.bias.copy_(t(w[f"{name}.b"]))

        self.embed.weight.copy_(t(w["embed"]))
        self.final_logits_bias.copy_(t(w["final_logits_bias"]))
        for i, l in enumerate(self.enc_layers):
            for n in "qkvo":
                lin(f"enc.{i}.{n}", getattr(l.attn, n))
            ln(f"enc.{i}.ln1", l.ln1), ln(f"enc.{i}.ln2", l.ln2), lin(f"enc.{i}.fc1", l.ffn.fc1), lin(f"enc.{i}.fc2", l.ffn.fc2)
        for i, l in enumerate(self.dec_layers):
            for n in "qkvo":
                lin(f"dec.{i}.self.{n}", getattr(l.self_attn, n)), lin(f"dec.{i}.cross.{n}", getattr(l.cross_attn, n))
            ln(f"dec.{i}.ln1", l.ln1), ln(f"dec.{i}.ln2", l.ln2), ln(f"dec.{i}.ln3", l.ln3)
            lin(f"dec.{i}.fc1", l.ffn.fc1), lin(f"dec.{i}.fc2", l.ffn.fc2)
