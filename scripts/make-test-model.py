#!/usr/bin/python3
"""Build the tiny Marian-architecture NL->"EN" model that every test runs on.

The real Xenova/opus-mt-nl-en can never be downloaded on our machines, so the
tests run the real transformers.js code path on this model instead. It has the
Marian shape (shared sinusoidal-position transformer, post-LayerNorm, SiLU,
tied embeddings with a final logits bias, pad as decoder start) and the file
layout transformers.js loads, but it is trained on a toy task: emit the source
SentencePiece pieces in reverse order. Its "English" is nonsense on purpose;
what matters is that the output clearly depends on the input, so a test can
tell which paragraph a translation belongs to.

Run with Debian's own python3 (python3-torch, python3-onnx,
python3-sentencepiece), ideally with OpenBLAS for speed:

    LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread \
        /usr/bin/python3 scripts/make-test-model.py

Everything is seeded, so a rerun on the same machine gives the same files.
Output: tests/model/tiny-marian-nl-en/ (committed; tests never need torch).
"""

import json
import math
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import onnx
import sentencepiece as spm
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import helper, numpy_helper
from sentencepiece import sentencepiece_model_pb2 as sp_pb2

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "model" / "tiny-marian-nl-en"
CONTENT = ROOT / "content"

SEED = 1234
D_MODEL = 64
HEADS = 4
FFN_DIM = 128
LAYERS = 2
VOCAB_PIECES = 400
MAX_POS = 512
TRAIN_SECONDS = float(os.environ.get("TRAIN_SECONDS", "300"))

random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
torch.set_num_threads(max(1, os.cpu_count() or 1))

# Extra everyday Dutch so the SentencePiece vocabulary is not just one article.
EXTRA_DUTCH = """
Lees ook:
Kruisraketten
Het kabinet wil o.a. meer geld uittrekken voor onderwijs en zorg.
Volgens dhr. Jansen is het plan bijv. te duur voor kleine gemeenten.
Mr. De Vries sprak maandag in de Tweede Kamer over de nieuwe wet.
De trein naar Amsterdam vertrekt om half negen van spoor drie.
Wij gaan morgen met de kinderen naar het strand als het mooi weer is.
Het weer blijft de komende dagen wisselvallig met af en toe regen.
In de stad worden nieuwe woningen gebouwd voor jonge gezinnen.
De burgemeester opende zaterdag het vernieuwde museum aan de gracht.
Onderzoekers van de universiteit publiceerden een studie over het klimaat.
De prijzen in de supermarkt stegen vorig jaar sneller dan verwacht.
Zij leest elke avond een boek voordat ze gaat slapen.
Het is belangrijk dat iedereen zich aan de regels houdt.
De minister van buitenlandse zaken reist volgende week naar Brussel.
Veel mensen werken tegenwoordig een paar dagen per week thuis.
"""


# --------------------------------------------------------------------------
# Tokenizer
# --------------------------------------------------------------------------

def train_sentencepiece(corpus_lines):
    tmp = Path(tempfile.mkdtemp())
    corpus = tmp / "corpus.txt"
    corpus.write_text("\n".join(corpus_lines) + "\n", encoding="utf-8")
    prefix = tmp / "sp"
    # </s> = 0 and <unk> = 1, as in the real opus-mt vocabularies; <pad> is
    # appended as the last id afterwards (Marian's pad is its last token).
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        model_type="unigram",
        vocab_size=VOCAB_PIECES,
        hard_vocab_limit=False,
        character_coverage=1.0,
        normalization_rule_name="nmt_nfkc",
        eos_id=0,
        unk_id=1,
        bos_id=-1,
        pad_id=-1,
        eos_piece="</s>",
        unk_piece="<unk>",
        num_threads=1,
        minloglevel=2,
    )
    sp = spm.SentencePieceProcessor(model_file=str(prefix) + ".model")
    proto = sp_pb2.ModelProto()
    proto.ParseFromString((Path(str(prefix) + ".model")).read_bytes())
    return sp, proto


def tokenizer_json(sp, proto):
    """tokenizer.json in the layout transformers.js's Marian conversion uses."""
    import base64

    vocab = []
    for i in range(sp.get_piece_size()):
        score = 0.0 if i < 2 else float(sp.get_score(i))
        vocab.append([sp.id_to_piece(i), score])
    vocab.append(["<pad>", 0.0])
    pad_id = len(vocab) - 1
    charsmap = base64.b64encode(proto.normalizer_spec.precompiled_charsmap).decode()
    special = lambda i, tok: {  # noqa: E731
        "id": i, "content": tok, "single_word": False, "lstrip": False,
        "rstrip": False, "normalized": False, "special": True,
    }
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [special(0, "</s>"), special(1, "<unk>"), special(pad_id, "<pad>")],
        "normalizer": {"type": "Precompiled", "precompiled_charsmap": charsmap},
        "pre_tokenizer": {
            "type": "Sequence",
            "pretokenizers": [
                {"type": "WhitespaceSplit"},
                {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True},
            ],
        },
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "pair": [
                {"Sequence": {"id": "A", "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 0}},
                {"SpecialToken": {"id": "</s>", "type_id": 0}},
            ],
            "special_tokens": {"</s>": {"id": "</s>", "ids": [0], "tokens": ["</s>"]}},
        },
        "decoder": {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True},
        "model": {"type": "Unigram", "unk_id": 1, "vocab": vocab, "byte_fallback": False},
    }, pad_id


# --------------------------------------------------------------------------
# Model: the Marian layout, small
# --------------------------------------------------------------------------

def sinusoids(n_pos, dim):
    # Marian / HF MarianSinusoidalPositionalEmbedding: sin in the first half, cos in the second.
    pos = np.arange(n_pos)[:, None]
    j = np.arange(dim)[None, :]
    enc = pos / np.power(10000, 2 * (j // 2) / dim)
    out = np.zeros((n_pos, dim), dtype=np.float32)
    half = dim // 2
    out[:, :half] = np.sin(enc[:, 0::2])
    out[:, half:] = np.cos(enc[:, 1::2])
    return torch.from_numpy(out)


class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.q = nn.Linear(D_MODEL, D_MODEL)
        self.k = nn.Linear(D_MODEL, D_MODEL)
        self.v = nn.Linear(D_MODEL, D_MODEL)
        self.o = nn.Linear(D_MODEL, D_MODEL)

    @staticmethod
    def heads(x):
        b, t, _ = x.shape
        return x.view(b, t, HEADS, D_MODEL // HEADS).transpose(1, 2)

    def project_kv(self, src):
        return self.heads(self.k(src)), self.heads(self.v(src))

    def attend(self, x, k, v, bias):
        b, t, _ = x.shape
        q = self.heads(self.q(x)) * (D_MODEL // HEADS) ** -0.5
        w = torch.matmul(q, k.transpose(2, 3)) + bias
        w = torch.softmax(w, dim=-1)
        out = torch.matmul(w, v).transpose(1, 2).reshape(b, t, D_MODEL)
        return self.o(out)


class FFN(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D_MODEL, FFN_DIM)
        self.fc2 = nn.Linear(FFN_DIM, D_MODEL)

    def forward(self, x):
        return self.fc2(F.silu(self.fc1(x)))


class EncoderLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.attn, self.ln1, self.ffn, self.ln2 = Attention(), nn.LayerNorm(D_MODEL), FFN(), nn.LayerNorm(D_MODEL)

    def forward(self, x, bias):
        k, v = self.attn.project_kv(x)
        x = self.ln1(x + self.attn.attend(x, k, v, bias))
        return self.ln2(x + self.ffn(x))


class DecoderLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.self_attn, self.ln1 = Attention(), nn.LayerNorm(D_MODEL)
        self.cross_attn, self.ln2 = Attention(), nn.LayerNorm(D_MODEL)
        self.ffn, self.ln3 = FFN(), nn.LayerNorm(D_MODEL)

    def forward(self, x, past_k, past_v, self_bias, enc, cross_bias):
        k, v = self.self_attn.project_kv(x)
        k = torch.cat([past_k, k], dim=2)
        v = torch.cat([past_v, v], dim=2)
        x = self.ln1(x + self.self_attn.attend(x, k, v, self_bias))
        # Cross-attention K/V are recomputed from encoder_hidden_states every
        # step: valid, and it spares the graph an If node for the merged decoder.
        ck, cv = self.cross_attn.project_kv(enc)
        x = self.ln2(x + self.cross_attn.attend(x, ck, cv, cross_bias))
        return self.ln3(x + self.ffn(x)), k, v, ck, cv


class TinyMarian(nn.Module):
    def __init__(self, vocab_size, pad_id):
        super().__init__()
        self.pad_id = pad_id
        self.embed = nn.Embedding(vocab_size, D_MODEL, padding_idx=pad_id)
        nn.init.normal_(self.embed.weight, std=D_MODEL ** -0.5)
        self.register_buffer("pos", sinusoids(MAX_POS, D_MODEL), persistent=False)
        self.enc_layers = nn.ModuleList([EncoderLayer() for _ in range(LAYERS)])
        self.dec_layers = nn.ModuleList([DecoderLayer() for _ in range(LAYERS)])
        self.final_logits_bias = nn.Parameter(torch.zeros(vocab_size))

    def encode(self, input_ids, attention_mask):
        t = input_ids.shape[1]
        x = self.embed(input_ids) * math.sqrt(D_MODEL) + self.pos[:t]
        bias = (1.0 - attention_mask[:, None, None, :].float()) * -1e9
        for layer in self.enc_layers:
            x = layer(x, bias)
        return x

    def decode(self, input_ids, enc_mask, enc, past, past_len):
        t = input_ids.shape[1]
        positions = torch.arange(t) + past_len
        x = self.embed(input_ids) * math.sqrt(D_MODEL) + self.pos[positions]
        keys = torch.arange(t) + past_len
        all_keys = torch.arange(t + past_len)
        self_bias = (all_keys[None, :] > keys[:, None]).float()[None, None] * -1e9
        cross_bias = (1.0 - enc_mask[:, None, None, :].float()) * -1e9
        presents = []
        for i, layer in enumerate(self.dec_layers):
            x, k, v, ck, cv = layer(x, past[i][0], past[i][1], self_bias, enc, cross_bias)
            presents.append((k, v, ck, cv))
        logits = torch.matmul(x, self.embed.weight.t()) + self.final_logits_bias
        return logits, presents

    def empty_past(self, batch):
        z = torch.zeros(batch, HEADS, 0, D_MODEL // HEADS)
        return [(z, z) for _ in range(LAYERS)]


# --------------------------------------------------------------------------
# Training on the reversal task
# --------------------------------------------------------------------------

def make_batch(streams, n_pieces, batch, eos_id, pad_id):
    srcs = []
    for _ in range(batch):
        r = random.random()
        if r < 0.6:
            s = random.choice(streams)
            length = random.randint(1, min(len(s), 32))
            start = random.randint(0, len(s) - length)
            seq = s[start:start + length]
        elif r < 0.8:
            seq = random.choice(streams)[:48]
        else:
            seq = [random.randint(2, n_pieces - 1) for _ in range(random.randint(1, 24))]
        srcs.append(seq)
    s_len = max(len(s) for s in srcs) + 1
    t_len = s_len
    src = torch.full((batch, s_len), pad_id)
    src_mask = torch.zeros(batch, s_len)
    dec_in = torch.full((batch, t_len), pad_id)
    tgt = torch.full((batch, t_len), -100)
    for i, seq in enumerate(srcs):
        ids = seq + [eos_id]
        src[i, :len(ids)] = torch.tensor(ids)
        src_mask[i, :len(ids)] = 1
        out = list(reversed(seq)) + [eos_id]
        dec_in[i, 1:len(out)] = torch.tensor(out[:-1])
        tgt[i, :len(out)] = torch.tensor(out)
    return src, src_mask, dec_in, tgt


def train(model, streams, n_pieces, eos_id, pad_id):
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.01)
    start = time.time()
    step = 0
    while time.time() - start < TRAIN_SECONDS:
        src, mask, dec_in, tgt = make_batch(streams, n_pieces, 64, eos_id, pad_id)
        enc = model.encode(src, mask)
        logits, _ = model.decode(dec_in, mask, enc, model.empty_past(src.shape[0]), 0)
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), tgt.reshape(-1), ignore_index=-100)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        if step % 200 == 0:
            print(f"step {step} loss {loss.item():.3f} ({time.time() - start:.0f}s)", flush=True)
    return step


@torch.no_grad()
def greedy(model, ids, eos_id, pad_id, max_new_tokens):
    src = torch.tensor([ids])
    mask = torch.ones_like(src)
    enc = model.encode(src, mask)
    past = model.empty_past(1)
    out = [pad_id]
    generated = []
    for step in range(max_new_tokens):
        logits, presents = model.decode(torch.tensor([[out[-1]]]), mask, enc, past, len(out) - 1)
        past = [(p[0], p[1]) for p in presents]
        step_logits = logits[0, -1].clone()
        step_logits[pad_id] = -float("inf")  # bad_words_ids [[pad]], as Marian's generation config
        nxt = int(step_logits.argmax())
        if step == max_new_tokens - 1:
            nxt = eos_id  # forced_eos_token_id: the last allowed step must end the sentence
        out.append(nxt)
        if nxt == eos_id:
            break
        generated.append(nxt)
    return out[1:]


# --------------------------------------------------------------------------
# ONNX export in the layout transformers.js loads
# --------------------------------------------------------------------------

class EncoderExport(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        return self.model.encode(input_ids, attention_mask)


class DecoderExport(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, encoder_attention_mask, encoder_hidden_states, *rest):
        *flat_past, use_cache_branch = rest
        past = [(flat_past[4 * i], flat_past[4 * i + 1]) for i in range(LAYERS)]
        # transformers.js feeds the encoder past (and use_cache_branch); this
        # graph recomputes cross-attention instead, so it only reads their
        # shapes, which keeps the inputs in the exported graph.
        keep_alive = use_cache_branch.shape[0] * 0
        for i in range(LAYERS):
            keep_alive = keep_alive + flat_past[4 * i + 2].shape[2] * 0 + flat_past[4 * i + 3].shape[2] * 0
        past_len = past[0][0].shape[2] + keep_alive
        logits, presents = self.model.decode(input_ids, encoder_attention_mask, encoder_hidden_states, past, past_len)
        flat = []
        for k, v, ck, cv in presents:
            flat += [k, v, ck, cv]
        return (logits, *flat)


def export(model, onnx_dir):
    onnx_dir.mkdir(parents=True, exist_ok=True)
    ids = torch.tensor([[5, 6, 7, 0]])
    mask = torch.ones_like(ids)
    torch.onnx.export(
        EncoderExport(model), (ids, mask), str(onnx_dir / "encoder_model.onnx"),
        input_names=["input_ids", "attention_mask"], output_names=["last_hidden_state"],
        dynamic_axes={
            "input_ids": {0: "batch_size", 1: "encoder_sequence_length"},
            "attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
            "last_hidden_state": {0: "batch_size", 1: "encoder_sequence_length"},
        },
        opset_version=14, do_constant_folding=False,
    )

    enc = model.encode(ids, mask)
    hd = D_MODEL // HEADS
    past_in, past_names, present_names, axes = [], [], [], {}
    for i in range(LAYERS):
        for kind in ("decoder", "encoder"):
            for kv in ("key", "value"):
                n = 3 if kind == "decoder" else ids.shape[1]
                past_in.append(torch.randn(1, HEADS, n, hd))
                name = f"past_key_values.{i}.{kind}.{kv}"
                pres = f"present.{i}.{kind}.{kv}"
                past_names.append(name)
                present_names.append(pres)
                seq = "past_decoder_sequence_length" if kind == "decoder" else "encoder_sequence_length_out"
                axes[name] = {0: "batch_size", 2: seq}
                axes[pres] = {0: "batch_size", 2: seq + (" + 1" if kind == "decoder" else "")}
    axes.update({
        "input_ids": {0: "batch_size", 1: "decoder_sequence_length"},
        "encoder_attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
        "encoder_hidden_states": {0: "batch_size", 1: "encoder_sequence_length"},
        "logits": {0: "batch_size", 1: "decoder_sequence_length"},
    })
    torch.onnx.export(
        DecoderExport(model),
        (torch.tensor([[9]]), mask, enc, *past_in, torch.tensor([True])),
        str(onnx_dir / "decoder_model_merged.onnx"),
        input_names=["input_ids", "encoder_attention_mask", "encoder_hidden_states", *past_names, "use_cache_branch"],
        output_names=["logits", *present_names],
        dynamic_axes=axes,
        # Without constant folding the tied output layer is not stored twice.
        opset_version=14, do_constant_folding=False,
    )


def quantize_weights(src, dst):
    """Weight-only int8 quantization (per-tensor, symmetric) via DequantizeLinear.

    transformers.js asks for onnx/*_quantized.onnx when dtype is q8 (the WASM
    default). These files really hold int8 weights, so the default-config
    browser test exercises a genuinely quantized model.
    """
    m = onnx.load(str(src))
    g = m.graph
    new_inits, nodes = [], []
    for init in g.initializer:
        arr = numpy_helper.to_array(init)
        if arr.dtype == np.float32 and arr.ndim == 2 and arr.size >= 256:
            scale = float(np.abs(arr).max()) / 127.0 or 1.0
            q = np.clip(np.round(arr / scale), -127, 127).astype(np.int8)
            new_inits += [
                numpy_helper.from_array(q, init.name + "_q"),
                numpy_helper.from_array(np.array(scale, dtype=np.float32), init.name + "_scale"),
                numpy_helper.from_array(np.array(0, dtype=np.int8), init.name + "_zp"),
            ]
            nodes.append(helper.make_node(
                "DequantizeLinear", [init.name + "_q", init.name + "_scale", init.name + "_zp"], [init.name],
                name=init.name + "_dequant"))
        else:
            new_inits.append(init)
    del g.initializer[:]
    g.initializer.extend(new_inits)
    old = list(g.node)
    del g.node[:]
    g.node.extend(nodes + old)
    onnx.checker.check_model(m)
    onnx.save(m, str(dst))


# --------------------------------------------------------------------------

REFERENCE_SENTENCES = [
    "Lees ook:",
    "Kruisraketten",
    "Tweeduizend militairen worden vanuit hun basis in North Carolina naar Polen en Duitsland gebracht.",
    "Duizend Amerikanen die al in Duitsland gelegerd zijn gaan naar Roemenië.",
    "Die reacties lekten woensdag uit via de Spaanse krant El Pais.",
    "Concrete afspraken werden niet gemaakt in Kiev.",
    "‘We moeten voorkomen dat investeerders zich terugtrekken.’",
    "Het kabinet wil o.a. meer geld uittrekken voor onderwijs en zorg.",
    "Volgens dhr. Jansen is het plan bijv. te duur.",
    "De trein vertrekt om half negen.",
]


def max_new_tokens_for(n_input):
    # Same cap as lib/translation/limits.ts: a reversal (or a translation)
    # never needs much more than its input.
    return min(512, 2 * n_input + 8)


def main():
    seed_lines = []
    for f in sorted(CONTENT.glob("*.md")) + sorted(CONTENT.glob("*.txt")):
        body = f.read_text(encoding="utf-8")
        if body.startswith("---"):
            body = body.split("---", 2)[2]  # drop the front matter
        seed_lines += [l.strip().lstrip(">#* ").rstrip("*") for l in body.splitlines() if l.strip()]
    extra = [l.strip() for l in EXTRA_DUTCH.strip().splitlines() if l.strip()]
    sentences = []
    for line in seed_lines + extra:
        for part in line.replace("? ", "?\n").replace("! ", "!\n").replace(". ", ".\n").split("\n"):
            if part.strip():
                sentences.append(part.strip())
    sp, proto = train_sentencepiece(sentences)
    tok, pad_id = tokenizer_json(sp, proto)
    vocab_size = pad_id + 1
    eos_id = 0
    n_pieces = sp.get_piece_size()
    print(f"vocabulary: {vocab_size} (pad {pad_id})")

    streams = [sp.encode(s) for s in sentences]
    model = TinyMarian(vocab_size, pad_id)
    steps = train(model, streams, n_pieces, eos_id, pad_id)
    model.eval()
    print(f"trained {steps} steps")

    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "tokenizer.json").write_text(json.dumps(tok, ensure_ascii=False), encoding="utf-8")
    (OUT / "tokenizer_config.json").write_text(json.dumps({
        "tokenizer_class": "MarianTokenizer",
        "model_max_length": MAX_POS,
        "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>",
        "source_lang": "nl", "target_lang": "en",
        "clean_up_tokenization_spaces": False,
    }, indent=2) + "\n")
    (OUT / "config.json").write_text(json.dumps({
        "_name_or_path": "tiny-marian-nl-en",
        "architectures": ["MarianMTModel"],
        "model_type": "marian",
        "is_encoder_decoder": True,
        "vocab_size": vocab_size,
        "d_model": D_MODEL,
        "encoder_layers": LAYERS, "decoder_layers": LAYERS,
        "encoder_attention_heads": HEADS, "decoder_attention_heads": HEADS,
        "encoder_ffn_dim": FFN_DIM, "decoder_ffn_dim": FFN_DIM,
        "activation_function": "swish",
        "max_position_embeddings": MAX_POS,
        "scale_embedding": True,
        "normalize_before": False,
        "share_encoder_decoder_embeddings": True,
        "tie_word_embeddings": True,
        "pad_token_id": pad_id, "eos_token_id": eos_id, "decoder_start_token_id": pad_id,
        "forced_eos_token_id": eos_id,
        "num_beams": 1, "max_length": MAX_POS,
        "bad_words_ids": [[pad_id]],
    }, indent=2) + "\n")
    (OUT / "generation_config.json").write_text(json.dumps({
        "bad_words_ids": [[pad_id]],
        "bos_token_id": 0,
        "decoder_start_token_id": pad_id,
        "eos_token_id": eos_id,
        "forced_eos_token_id": eos_id,
        "max_length": MAX_POS,
        "num_beams": 1,
        "pad_token_id": pad_id,
    }, indent=2) + "\n")

    onnx_dir = OUT / "onnx"
    export(model, onnx_dir)
    for name in ("encoder_model", "decoder_model_merged"):
        quantize_weights(onnx_dir / f"{name}.onnx", onnx_dir / f"{name}_quantized.onnx")

    refs = []
    for s in REFERENCE_SENTENCES:
        ids = sp.encode(s) + [eos_id]
        out = greedy(model, ids, eos_id, pad_id, max_new_tokens_for(len(ids)))
        pieces = [tok["model"]["vocab"][i][0] for i in out if i not in (eos_id, pad_id)]
        # Metaspace decoding: pieces joined, the marker read as a space, and only
        # the very first (prepended) space dropped.
        text = "".join(pieces).replace("\u2581", " ")
        text = text[1:] if text.startswith(" ") else text
        refs.append({"text": s, "input_ids": ids, "output_ids": [pad_id] + out, "output_text": text})
        print(f"{s!r} -> {text!r}")
    (OUT / "reference.json").write_text(json.dumps({
        "note": "Greedy decoding by torch (scripts/make-test-model.py); output_ids start with decoder_start_token_id.",
        "max_new_tokens": "min(512, 2 * input_tokens + 8)",
        "sentences": refs,
    }, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("wrote", OUT)


if __name__ == "__main__":
    sys.exit(main())
