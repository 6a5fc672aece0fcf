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
from test_model_tokenizer import tokenizer_json, train_sentencepiece  # noqa: E402,F401
from test_model_references import BEAM_SETTINGS, REFERENCE_SENTENCES, load_weights, references  # noqa: E402,F401
from test_model_training import train  # noqa: E402
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
MAX_POS = 512

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
