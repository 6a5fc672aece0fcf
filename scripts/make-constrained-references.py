"""Torch references for constrained beam search on the test model (scripts/hf_constrained.py): each case a
reference sentence, the phrases that must appear (glossary terms, tokenized as the engine tokenizes English
for the decoder) and beam settings. Writes tests/model/tiny-marian-nl-en/constrained-reference.json.

Run with Debian's python3: /usr/bin/python3 scripts/make-constrained-references.py
"""
import json
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hf_constrained  # noqa: E402
import hf_generate  # noqa: E402
from test_model_references import load_weights, rules_for, unigram_encode  # noqa: E402
from tiny_marian import Marian  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "tests" / "model" / "tiny-marian-nl-en"
D_MODEL, HEADS, FFN_DIM, LAYERS, MAX_POS = 64, 4, 128, 2, 512

SETTINGS = {
    "beams-4": {"num_beams": 4, "length_penalty": 1.0, "early_stopping": False},
    # What `fast` mode decodes a sentence with a term under: its smallest beam.
    "beams-2": {"num_beams": 2, "length_penalty": 1.0, "early_stopping": False},
    "beams-3-lp0.6-early": {"num_beams": 3, "length_penalty": 0.6, "early_stopping": True},
    "beams-5-lp1.4-never": {"num_beams": 5, "length_penalty": 1.4, "early_stopping": "never"},
}

# (sentence, terms, setting, max_new_tokens or None for the engine's cap)
CASES = [
    ("Concrete afspraken werden niet gemaakt in Kiev.", ["Polen"], "beams-4", None),
    ("Concrete afspraken werden niet gemaakt in Kiev.", ["Kiev"], "beams-4", None),
    ("Concrete afspraken werden niet gemaakt in Kiev.", ["Polen", "NATO"], "beams-4", None),
    ("Concrete afspraken werden niet gemaakt in Kiev.", ["Polen"], "beams-2", None),
    ("De trein vertrekt om half negen.", ["the train"], "beams-4", None),
    ("De trein vertrekt om half negen.", ["the train"], "beams-2", None),
    ("De trein vertrekt om half negen.", ["Roemenië", "half"], "beams-3-lp0.6-early", None),
    ("Die reacties lekten woensdag uit via de Spaanse krant El Pais.", ["Spanish newspaper"], "beams-5-lp1.4-never", None),
    ("Duizend Amerikanen die al in Duitsland gelegerd zijn gaan naar Roemenië.", ["Polen", "Duitsland gelegerd"], "beams-4", None),
    ("Het kabinet wil o.a. meer geld uittrekken voor onderwijs en zorg.", ["cabinet"], "beams-2", None),
    ("Kruisraketten", ["cruise missiles"], "beams-4", None),
    # A term longer than the length cap allows: no hypothesis can contain it.
    ("Lees ook:", ["Read also the whole article"], "beams-4", 4),
]


def main():
    tok = json.loads((MODEL / "tokenizer.json").read_text(encoding="utf-8"))
    reference = json.loads((MODEL / "reference.json").read_text(encoding="utf-8"))
    ids_of = {s["text"]: s["input_ids"] for s in reference["sentences"]}
    pad_id = len(tok["model"]["vocab"]) - 1
    eos_id = 0
    model = Marian(pad_id + 1, pad_id, D_MODEL, HEADS, FFN_DIM, LAYERS, MAX_POS)
    load_weights(MODEL / "onnx", model)
    model.eval()
    cases = []
    for sentence, terms, setting, max_new in CASES:
        ids = ids_of[sentence]
        rules = rules_for(len(ids), eos_id, pad_id)
        if max_new is not None:
            rules.update(max_length=1 + max_new, max_new_tokens=max_new)
        phrases = [unigram_encode(t, tok) for t in terms]
        s = SETTINGS[setting]
        decoder = hf_generate.TorchDecoder(model, ids)
        nbest = hf_constrained.constrained_beam_search(
            decoder, rules, phrases, s["num_beams"], s["length_penalty"], s["early_stopping"])
        cases.append({"text": sentence, "input_ids": ids, "terms": terms, "phrases": phrases, "setting": setting,
                      **s, "max_new_tokens": rules["max_new_tokens"], "nbest": nbest})
        best = nbest[0]["tokens"] if nbest else None
        print(f"{sentence!r} + {terms} ({setting}): {len(nbest)} finished, best {best}")
    (MODEL / "constrained-reference.json").write_text(json.dumps({
        "note": "torch references (scripts/make-constrained-references.py, scripts/hf_constrained.py): Hugging Face's "
                "constrained beam search (PhrasalConstraint, ConstrainedBeamSearchScorer). nbest: the finished "
                "hypotheses that contain every phrase, best first; empty when none could within max_new_tokens.",
        "cases": cases,
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    torch.manual_seed(0)
    sys.exit(main())
