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
        /usr/bin/python3 scripts/make-test-model.py [--retrain]

By default the trained weights, the tokenizer and the reference inputs are
read back from the committed files, the graphs are written again
(scripts/marian_onnx.py: the Hub's merged-decoder layout) and the torch
references are computed again. --retrain trains the vocabulary and the model
from scratch (seeded; about 7 CPU minutes).
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
import torch
import torch.nn.functional as F
from onnx import numpy_helper

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hf_generate  # noqa: E402
import marian_onnx  # noqa: E402
from tiny_marian import Marian  # noqa: E402

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
    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2 as sp_pb2

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
    # Same cap as lib/engine/shared/limits.ts: a reversal (or a translation)
    # never needs much more than its input.
    return min(512, 2 * n_input + 8)


# Decoding settings the references are computed under: greedy, the generation config's own beams, and
# variants that exercise each part of beam search (length penalty, early stopping, a forced length).
BEAM_SETTINGS = [
    {"name": "beams-4", "num_beams": 4, "length_penalty": 1.0, "early_stopping": False},
    {"name": "beams-3-lp0.6-early", "num_beams": 3, "length_penalty": 0.6, "early_stopping": True},
    {"name": "beams-5-lp1.4-never", "num_beams": 5, "length_penalty": 1.4, "early_stopping": "never"},
    {"name": "beams-4-forced-length", "num_beams": 4, "length_penalty": 1.0, "early_stopping": False, "forced_length": True},
    # The alternatives a reader is offered: max(the config's beams, 6), the n-best list.
    {"name": "beams-6", "num_beams": 6, "length_penalty": 1.0, "early_stopping": False},
]


def unigram_encode(text, tok):
    """transformers.js's Marian tokenization for plain text: each whitespace-separated word, with the metaspace
    marker before it, split by Viterbi over the Unigram pieces' scores (no unknown characters in our prefixes)."""
    scores = {p: s for p, s in tok["model"]["vocab"][2:-1]}
    ids = {p: i for i, (p, _) in enumerate(tok["model"]["vocab"])}
    out = []
    for word in text.split():
        w = "\u2581" + word
        best = [(0.0, 0)] + [(-float("inf"), 0)] * len(w)
        for end in range(1, len(w) + 1):
            for begin in range(max(0, end - 24), end):
                piece = w[begin:end]
                if piece in scores and best[begin][0] + scores[piece] > best[end][0]:
                    best[end] = (best[begin][0] + scores[piece], begin)
        pieces, end = [], len(w)
        while end > 0:
            begin = best[end][1]
            pieces.append(w[begin:end])
            end = begin
        out += [ids[p] for p in reversed(pieces)]
    return out


def completion_case(decoder, tok, ids, prefix, eos_id, pad_id):
    """What the reader's typed `prefix` completes to: its whole words forced, then greedy search in which, while
    the last, partial word is not yet spelled out, only tokens consistent with what is left of it may come;
    capped as a whole translation is."""
    vocab = [p for p, _ in tok["model"]["vocab"]]
    cut = len(prefix) - len(prefix.split(" ")[-1]) if prefix and not prefix[-1].isspace() else len(prefix)
    forced = unigram_encode(prefix[:cut], tok)
    # After a typed space the next token must start a new word (a piece with the marker).
    partial = "\u2581" + prefix[cut:] if prefix[cut:] else ("\u2581" if prefix.strip() else "")
    ordinary = [i for i in range(len(vocab)) if i not in (0, 1, pad_id)]

    def allowed(tokens):
        left = partial
        for t in tokens:
            if not left:
                return None
            left = "" if vocab[t].startswith(left) else left[len(vocab[t]):]
        return [i for i in ordinary if vocab[i].startswith(left) or left.startswith(vocab[i])] if left else None

    rules = rules_for(len(ids), eos_id, pad_id)
    max_new = max(1, rules["max_new_tokens"] - len(forced))
    rules.update(prompt_length=1 + len(forced), max_length=1 + len(forced) + max_new, max_new_tokens=max_new)
    result = hf_generate.greedy(decoder, rules, prefix=forced, allowed=allowed)
    return {"prefix": prefix, "forced": forced, "partial": partial, "tokens": result["tokens"]}


def run_on_prefix(decoder, tok, ids, words, eos_id, pad_id):
    """A typed prefix ending in a space after which the model, unconstrained, would run on with the last word
    (its next piece has no word marker): the case where a completion must start a new word."""
    vocab = [p for p, _ in tok["model"]["vocab"]]
    for k in range(1, len(words)):
        typed = " ".join(words[:k]) + " "
        if not typed.strip():
            continue
        forced = unigram_encode(typed, tok)
        rules = rules_for(len(ids), eos_id, pad_id)
        max_new = max(1, rules["max_new_tokens"] - len(forced))
        rules.update(prompt_length=1 + len(forced), max_length=1 + len(forced) + max_new, max_new_tokens=max_new)
        tokens = hf_generate.greedy(decoder, rules, prefix=forced)["tokens"]
        if tokens and tokens[0] not in (eos_id, pad_id) and not vocab[tokens[0]].startswith("\u2581"):
            return typed
    return None


def rules_for(n_input, eos_id, pad_id, forced_length=False):
    max_new = max_new_tokens_for(n_input)
    min_new = 0
    if forced_length:
        # As the full-size stand-in decodes (random weights never stop): exactly about 1.1x the input.
        max_new = min_new = max(1, round(1.1 * n_input))
    return {"start": pad_id, "eos": eos_id, "banned": [pad_id], "forced_eos": eos_id, "max_length": 1 + max_new,
            "min_new_tokens": min_new, "prompt_length": 1, "max_new_tokens": max_new}


def load_weights(onnx_dir, model):
    """The trained weights, from the committed fp32 files (either layout: torch's export, or marian_onnx's)."""
    weights = {}
    for name in ("encoder_model", "decoder_model_merged"):
        for init in onnx.load(str(onnx_dir / f"{name}.onnx")).graph.initializer:
            weights[init.name] = numpy_helper.to_array(init)
    if "embed" in weights:
        model.load_onnx_weights(weights)
    else:  # the first release's torch export: parameter names as in the module, prefixed "model."
        state = {k.removeprefix("model."): torch.from_numpy(v.copy()) for k, v in weights.items() if k.startswith("model.")}
        model.load_state_dict(state, strict=True)


def references(model, tok, eos_id, pad_id, inputs):
    piece = lambda i: tok["model"]["vocab"][i][0]  # noqa: E731

    def text_of(tokens):
        # Metaspace decoding: pieces joined, the marker read as a space, only the very first space dropped.
        text = "".join(piece(i) for i in tokens if i not in (eos_id, pad_id)).replace("\u2581", " ")
        return text[1:] if text.startswith(" ") else text

    out = []
    for sentence, ids in inputs:
        decoder = hf_generate.TorchDecoder(model, ids)
        greedy = hf_generate.greedy(decoder, rules_for(len(ids), eos_id, pad_id))
        entry = {"text": sentence, "input_ids": ids, "max_new_tokens": max_new_tokens_for(len(ids)),
                 "output_ids": [pad_id] + greedy["tokens"], "output_text": text_of(greedy["tokens"]), "greedy": greedy, "beams": {}}
        for setting in BEAM_SETTINGS:
            rules = rules_for(len(ids), eos_id, pad_id, setting.get("forced_length", False))
            nbest = hf_generate.beam_search(decoder, rules, setting["num_beams"], setting["length_penalty"], setting["early_stopping"])
            entry["beams"][setting["name"]] = {"max_new_tokens": rules["max_new_tokens"], "min_new_tokens": rules["min_new_tokens"],
                                               "nbest": [{**h, "text": text_of(h["tokens"])} for h in nbest]}
        best = entry["beams"]["beams-4"]["nbest"][0]
        entry["token_probs"] = hf_generate.token_probs(decoder, pad_id, best["tokens"])
        words = entry["output_text"].split(" ")
        if len(words) >= 3:
            typed = " ".join(words[:2])
            prefixes = [typed + " ", typed + " " + words[2][:2]]
            run_on = run_on_prefix(decoder, tok, ids, words, eos_id, pad_id)
            if run_on and run_on not in prefixes:
                prefixes.append(run_on)
            entry["completions"] = [completion_case(decoder, tok, ids, prefix, eos_id, pad_id) for prefix in prefixes]
            for c in entry["completions"]:
                c["text"] = text_of(c["forced"] + c["tokens"])
        print(f"{sentence!r} -> {entry['output_text']!r} | beams: {best['text']!r}")
        out.append(entry)
    return out


def write_model_files(tok, vocab_size, pad_id, eos_id):
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
        "num_beams": 4, "max_length": MAX_POS,
        "bad_words_ids": [[pad_id]],
    }, indent=2) + "\n")
    # As the Hub's opus-mt configs: beams (4 here, to keep the tests quick; the real model asks for 6).
    (OUT / "generation_config.json").write_text(json.dumps({
        "bad_words_ids": [[pad_id]],
        "bos_token_id": 0,
        "decoder_start_token_id": pad_id,
        "eos_token_id": eos_id,
        "forced_eos_token_id": eos_id,
        "max_length": MAX_POS,
        "num_beams": 4,
        "pad_token_id": pad_id,
    }, indent=2) + "\n")


def export(model, vocab_size):
    onnx_dir = OUT / "onnx"
    onnx_dir.mkdir(parents=True, exist_ok=True)
    cfg = {"d_model": D_MODEL, "heads": HEADS, "encoder_layers": LAYERS, "decoder_layers": LAYERS, "vocab_size": vocab_size}
    weights = model.onnx_weights()
    encoder, decoder = marian_onnx.encoder_model(weights, cfg), marian_onnx.decoder_model_merged(weights, cfg)
    marian_onnx.save(encoder, onnx_dir / "encoder_model.onnx")
    marian_onnx.save(decoder, onnx_dir / "decoder_model_merged.onnx")
    # transformers.js asks for onnx/*_quantized.onnx when dtype is q8 (the WASM default): int8 weights, as
    # quantize_dynamic writes them, so the default-config browser test runs a genuinely quantized model.
    marian_onnx.save(marian_onnx.quantize_dynamic(encoder), onnx_dir / "encoder_model_quantized.onnx")
    marian_onnx.save(marian_onnx.quantize_dynamic(decoder), onnx_dir / "decoder_model_merged_quantized.onnx")


def main():
    retrain = "--retrain" in sys.argv
    OUT.mkdir(parents=True, exist_ok=True)
    eos_id = 0
    if retrain:
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
        model = Marian(vocab_size, pad_id, D_MODEL, HEADS, FFN_DIM, LAYERS, MAX_POS)
        steps = train(model, [sp.encode(s) for s in sentences], sp.get_piece_size(), eos_id, pad_id)
        print(f"trained {steps} steps")
        inputs = [(s, sp.encode(s) + [eos_id]) for s in REFERENCE_SENTENCES]
    else:
        tok = json.loads((OUT / "tokenizer.json").read_text(encoding="utf-8"))
        pad_id = len(tok["model"]["vocab"]) - 1
        vocab_size = pad_id + 1
        model = Marian(vocab_size, pad_id, D_MODEL, HEADS, FFN_DIM, LAYERS, MAX_POS)
        load_weights(OUT / "onnx", model)
        previous = json.loads((OUT / "reference.json").read_text(encoding="utf-8"))["sentences"]
        inputs = [(r["text"], r["input_ids"]) for r in previous]
    model.eval()
    print(f"vocabulary: {vocab_size} (pad {pad_id})")
    write_model_files(tok, vocab_size, pad_id, eos_id)
    export(model, vocab_size)
    (OUT / "reference.json").write_text(json.dumps({
        "note": "torch references (scripts/make-test-model.py, scripts/hf_generate.py): Hugging Face generate() semantics. "
                "output_ids/output_text: greedy, starting with decoder_start_token_id; beams.*.nbest: the finished hypotheses, best first. "
                "token_probs: beams-4's best, each token's teacher-forced softmax probability. completions: greedy decoding "
                "after a typed prefix (forced: its whole words' ids; partial: its last word, spelled out under constraint).",
        "max_new_tokens": "min(512, 2 * input_tokens + 8), unless a setting forces the length",
        "beam_settings": BEAM_SETTINGS,
        "sentences": references(model, tok, eos_id, pad_id, inputs),
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("wrote", OUT)


if __name__ == "__main__":
    sys.exit(main())
