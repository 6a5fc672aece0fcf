#!/usr/bin/python3
"""Build a stand-in of Xenova/opus-mt-nl-en at its full size, for `npm run bench:full` (never committed).

The real model cannot be downloaded on our machines, and the test model is 50 times cheaper per token, so
speed is measured on this: opus-mt-nl-en's exact architecture and file layout (d_model 512, 8 heads, FFN 2048,
6 + 6 layers, swish, post-LayerNorm, sinusoidal positions, vocabulary 67,028 with pad 67027 as decoder start,
eos 0 and unk 1, scaled tied embeddings shared by the input gather and the output projection, final logits
bias; the merged decoder with its If on use_cache_branch), in fp32, q8 (quantize_dynamic's pattern) and fp16,
with random seeded weights. Its per-token cost is the real one; its words are not: random weights do not stop,
so the bench forces each sentence's length (min_new_tokens = max_new_tokens, about 1.1x its input).

The tokenizer is a SentencePiece Unigram trained on the project's Dutch, padded to 67,028 pieces, so a Dutch
word is about 1.3 pieces as with the real one. Writing the graphs takes seconds; nothing is trained.

    /usr/bin/python3 scripts/make-standin-model.py [--tokenizer-only] [out-dir]
        (default: bench/standin/standin-marian-nl-en)
"""

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import marian_onnx  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
OUT = Path(ARGS[0]) if ARGS else ROOT / "bench" / "standin" / "standin-marian-nl-en"
D, HEADS, FFN, LAYERS, VOCAB, MAX_POS = 512, 8, 2048, 6, 67028, 512
PAD, EOS, UNK = VOCAB - 1, 0, 1
SEED = 20261201


def dutch_corpus():
    lines = []
    for f in sorted((ROOT / "content").glob("*.md")) + [ROOT / "tests" / "fixtures" / "seed-000_9d66e33e2d99ebe9.txt"]:
        body = f.read_text(encoding="utf-8")
        if body.startswith("---"):
            body = body.split("---", 2)[2]
        lines += [l.strip().lstrip(">#* ").rstrip("*") for l in body.splitlines() if l.strip()]
    make_test_model = (ROOT / "scripts" / "make-test-model.py").read_text(encoding="utf-8")
    extra = make_test_model.split('EXTRA_DUTCH = """', 1)[1].split('"""', 1)[0]
    return lines + [l.strip() for l in extra.splitlines() if l.strip()]


def tokenizer(corpus):
    import tempfile

    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2 as sp_pb2

    tmp = Path(tempfile.mkdtemp())
    (tmp / "corpus.txt").write_text("\n".join(corpus) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(tmp / "corpus.txt"), model_prefix=str(tmp / "sp"), model_type="unigram", vocab_size=1200,
        hard_vocab_limit=False, character_coverage=1.0, normalization_rule_name="nmt_nfkc", eos_id=EOS, unk_id=UNK,
        bos_id=-1, pad_id=-1, eos_piece="</s>", unk_piece="<unk>", num_threads=1, minloglevel=2,
    )
    sp = spm.SentencePieceProcessor(model_file=str(tmp / "sp.model"))
    proto = sp_pb2.ModelProto()
    proto.ParseFromString((tmp / "sp.model").read_bytes())
    sys.path.insert(0, str(ROOT / "scripts"))
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_test_model", ROOT / "scripts" / "make-test-model.py")
    mtm = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mtm)
    tok, pad_id = mtm.tokenizer_json(sp, proto)
    vocab = tok["model"]["vocab"]
    pad_entry = vocab.pop()
    # A corpus this small trains a few hundred pieces: about 2.4 a word. The real vocabulary knows most Dutch
    # words whole. So most words of the corpus become pieces (scored above any split of them), and one in
    # ten is left to split, which with punctuation gives the real model's granularity, about 1.3 a word.
    known = {piece for piece, _ in vocab}
    words = sorted({w.strip(".,;:!?‘’“”\"'()") for l in corpus for w in l.split()} - {""})
    rng = np.random.default_rng(SEED)
    for w in words:
        piece = "\u2581" + w
        if piece not in known and rng.random() > 0.1:
            vocab.append([piece, -3.0])
            known.add(piece)
    # Padded to the real vocabulary's size with pieces no Dutch text selects (scores far below any real one).
    filler = [[f"\u2581\u00a4{i:05d}", -1000.0] for i in range(VOCAB - 1 - len(vocab))]
    vocab.extend(filler)
    vocab.append(pad_entry)
    assert len(vocab) == VOCAB
    for t in tok["added_tokens"]:
        if t["content"] == "<pad>":
            t["id"] = PAD
    print(f"tokenizer: {sp.get_piece_size()} trained pieces and {len(known) - sp.get_piece_size()} word pieces, padded to {VOCAB}")
    return tok


def weights(rng):
    normal = lambda *shape, std=0.02: rng.normal(0.0, std, size=shape).astype(np.float32)  # noqa: E731
    w = {"embed": normal(VOCAB, D, std=D ** -0.5), "final_logits_bias": np.zeros(VOCAB, np.float32), "positions": marian_onnx.sinusoids(MAX_POS, D)}
    w["embed"][PAD] = 0.0  # padding_idx

    def lin(name, i, o):
        w[f"{name}.w"], w[f"{name}.b"] = normal(i, o), np.zeros(o, np.float32)

    def ln(name):
        w[f"{name}.g"], w[f"{name}.b"] = np.ones(D, np.float32), np.zeros(D, np.float32)

    for i in range(LAYERS):
        for n in "qkvo":
            lin(f"enc.{i}.{n}", D, D)
            lin(f"dec.{i}.self.{n}", D, D)
            lin(f"dec.{i}.cross.{n}", D, D)
        for p in (f"enc.{i}", f"dec.{i}"):
            lin(f"{p}.fc1", D, FFN)
            lin(f"{p}.fc2", FFN, D)
        ln(f"enc.{i}.ln1"), ln(f"enc.{i}.ln2"), ln(f"dec.{i}.ln1"), ln(f"dec.{i}.ln2"), ln(f"dec.{i}.ln3")
    return w


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "onnx").mkdir(exist_ok=True)
    tok = tokenizer(dutch_corpus())
    (OUT / "tokenizer.json").write_text(json.dumps(tok, ensure_ascii=False), encoding="utf-8")
    (OUT / "tokenizer_config.json").write_text(json.dumps({
        "tokenizer_class": "MarianTokenizer", "model_max_length": MAX_POS, "eos_token": "</s>", "unk_token": "<unk>",
        "pad_token": "<pad>", "source_lang": "nl", "target_lang": "en", "clean_up_tokenization_spaces": False,
    }, indent=2) + "\n")
    common = {"bad_words_ids": [[PAD]], "decoder_start_token_id": PAD, "eos_token_id": EOS, "forced_eos_token_id": EOS,
              "max_length": MAX_POS, "num_beams": 6, "pad_token_id": PAD}
    (OUT / "config.json").write_text(json.dumps({
        "_name_or_path": "standin-marian-nl-en", "architectures": ["MarianMTModel"], "model_type": "marian",
        "is_encoder_decoder": True, "vocab_size": VOCAB, "d_model": D, "encoder_layers": LAYERS, "decoder_layers": LAYERS,
        "encoder_attention_heads": HEADS, "decoder_attention_heads": HEADS, "encoder_ffn_dim": FFN, "decoder_ffn_dim": FFN,
        "activation_function": "swish", "max_position_embeddings": MAX_POS, "scale_embedding": True, "normalize_before": False,
        "share_encoder_decoder_embeddings": True, "tie_word_embeddings": True, **common,
    }, indent=2) + "\n")
    (OUT / "generation_config.json").write_text(json.dumps({"bos_token_id": 0, **common}, indent=2) + "\n")
    if "--tokenizer-only" in sys.argv:
        return

    w = weights(np.random.default_rng(SEED))
    cfg = {"d_model": D, "heads": HEADS, "encoder_layers": LAYERS, "decoder_layers": LAYERS, "vocab_size": VOCAB}
    for name, build in (("encoder_model", marian_onnx.encoder_model), ("decoder_model_merged", marian_onnx.decoder_model_merged)):
        model = build(w, cfg)
        for suffix, convert in (("", None), ("_quantized", marian_onnx.quantize_dynamic), ("_fp16", marian_onnx.to_fp16)):
            path = OUT / "onnx" / f"{name}{suffix}.onnx"
            marian_onnx.save(convert(model) if convert else model, path)
            print(f"{path.relative_to(OUT)}: {path.stat().st_size / 1e6:.1f} MB")
    print("wrote", OUT)


if __name__ == "__main__":
    sys.exit(main())
