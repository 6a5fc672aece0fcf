"""The torch references the tests compare the engine with: each reference sentence decoded greedily and under
every beam setting, completions of typed prefixes, with Hugging Face's generate() semantics (hf_generate.py)."""
import random

import onnx
import torch
from onnx import numpy_helper

import hf_generate
import marian_onnx
from tiny_marian import Marian

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
