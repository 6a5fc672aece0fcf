"""The tiny test model's SentencePiece vocabulary and its tokenizer.json (scripts/make-test-model.py; the
stand-in's builder, scripts/make-standin-model.py, uses tokenizer_json too)."""
import json
import tempfile
from pathlib import Path

VOCAB_PIECES = 400


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


