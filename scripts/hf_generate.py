"""Reference decoding for the tests: Hugging Face generate() semantics for Marian, in torch.

Written from Transformers' generation/utils.py (`_sample` for greedy, `_beam_search` as of 4.50+, with its
`_get_top_k_continuations`, `_get_running_beams_for_next_iteration`, `_update_finished_beams` and
`_check_early_stop_heuristic`) and the logits processors a Marian generation config asks for:
MinNewTokensLengthLogitsProcessor, NoBadWordsLogitsProcessor (single-token bans), ForcedEOSTokenLogitsProcessor,
and, for completions, PrefixConstrainedLogitsProcessor (`prefix_allowed_tokens_fn`): while a typed partial word
is not yet spelled out, only tokens consistent with what is left of it. A forced decoder prefix is
`decoder_input_ids` after the start.
Scores are log-softmax then processors, in float32. The model is any `step(last_tokens) -> logits [rows, V]`
with `start(rows)` and `reorder(indices)`.
"""

import torch

NEG = -1.0e9
INF = float("inf")


def process(logp, cur_len, rules):
    """The logits processors, on log-probabilities [rows, V], at decoder length cur_len (start token included)."""
    out = logp.clone()
    if cur_len - rules["prompt_length"] < rules["min_new_tokens"]:
        out[:, rules["eos"]] = -INF
    for token in rules["banned"]:
        out[:, token] = -INF
    if rules.get("allowed") is not None:
        allowed = torch.full_like(out, -INF)
        allowed[:, rules["allowed"]] = 0.0
        out = out + allowed
    if rules["forced_eos"] is not None and cur_len == rules["max_length"] - 1:
        out = torch.full_like(out, -INF)
        out[:, rules["forced_eos"]] = 0.0
    return out


def step_scores(decoder, last, cur_len, rules):
    logits = decoder.step(last).float()
    return process(torch.log_softmax(logits, dim=-1), cur_len, rules)


@torch.no_grad()
def greedy(decoder, rules, prefix=(), allowed=None):
    """Greedy search; `prefix`: decoder tokens forced after the start token (prompt_length counts them);
    `allowed(tokens)`: the tokens that may come next after those generated, or None for any."""
    decoder.start(1)
    tokens, logprobs, cur_len, last = [], [], rules["prompt_length"], [[rules["start"], *prefix]]
    while True:
        step_rules = {**rules, "allowed": allowed(tokens) if allowed else None}
        scores = process(torch.log_softmax(decoder.step(last).float(), dim=-1), cur_len, step_rules)
        token = int(torch.argmax(scores[0]))
        tokens.append(token)
        logprobs.append(float(scores[0, token]))
        cur_len += 1
        if token == rules["eos"] or cur_len >= rules["max_length"]:
            return {"tokens": tokens, "logprobs": logprobs, "score": float(torch.tensor(logprobs, dtype=torch.float32).sum())}
        last = [[token]]


@torch.no_grad()
def token_probs(decoder, start, tokens):
    """Teacher-forced: each token's softmax probability given the ones before it (the model's own confidence)."""
    decoder.start(1)
    probs = torch.softmax(decoder.step([[start, *tokens[:-1]]], last_only=False).float(), dim=-1)[0]
    return [float(probs[i, t]) for i, t in enumerate(tokens)]


@torch.no_grad()
def beam_search(decoder, rules, num_beams, length_penalty=1.0, early_stopping=False):
    """One sentence. Returns the num_beams finished hypotheses, best first (the n-best list)."""
    keep = 2 * num_beams
    prompt, eos, max_length = rules["prompt_length"], rules["eos"], rules["max_length"]
    empty = lambda: {"tokens": [], "logprobs": []}  # noqa: E731
    running = [empty() for _ in range(num_beams)]
    running_scores = torch.tensor([0.0] + [NEG] * (num_beams - 1), dtype=torch.float32)
    finished = [empty() for _ in range(num_beams)]
    finished_scores = torch.full((num_beams,), NEG, dtype=torch.float32)
    finished_done = torch.zeros(num_beams, dtype=torch.bool)
    unsatisfied = True
    cur_len = prompt
    decoder.start(num_beams)
    last = [[rules["start"]]] * num_beams
    while True:
        scores = step_scores(decoder, last, cur_len, rules)  # [num_beams, V]
        vocab = scores.shape[1]
        accumulated = (scores + running_scores[:, None]).view(-1)
        top_scores, top_index = torch.topk(accumulated, keep, sorted=True)
        parents, tokens = (top_index // vocab).tolist(), (top_index % vocab).tolist()
        candidates = [
            {"tokens": running[p]["tokens"] + [t], "logprobs": running[p]["logprobs"] + [float(scores[p, t])]}
            for p, t in zip(parents, tokens)
        ]
        hits = torch.tensor([t == eos or cur_len + 1 >= max_length for t in tokens])

        # _get_running_beams_for_next_iteration
        running_log_probs = top_scores + hits.float() * NEG
        next_index = torch.topk(running_log_probs, num_beams, sorted=True).indices.tolist()
        running = [candidates[i] for i in next_index]
        running_scores = running_log_probs[next_index]

        # _update_finished_beams
        normalized = top_scores / ((cur_len + 1 - prompt) ** length_penalty)
        if early_stopping is True and bool(finished_done.all()):
            normalized = normalized + NEG
        if not unsatisfied:
            normalized = normalized + NEG
        just_finished = hits & (torch.arange(keep) < num_beams)
        normalized = normalized + (~just_finished).float() * NEG
        merged_scores = torch.cat([finished_scores, normalized])
        merged = finished + candidates
        merged_done = torch.cat([finished_done, just_finished])
        best = torch.topk(merged_scores, num_beams, sorted=True).indices.tolist()
        finished = [merged[i] for i in best]
        finished_scores, finished_done = merged_scores[best], merged_done[best]

        decoder.reorder([parents[i] for i in next_index])
        last = [[h["tokens"][-1]] for h in running]
        cur_len += 1

        # _check_early_stop_heuristic
        if unsatisfied:
            best_length = max_length - prompt if early_stopping == "never" and length_penalty > 0 else cur_len - prompt
            best_possible = running_scores[0] / (best_length ** length_penalty)
            worst = torch.where(finished_done, finished_scores.min(), torch.tensor(NEG))
            unsatisfied = bool((best_possible > worst).any())
        open_beam = not (bool(finished_done.all()) and early_stopping is True)
        valid = not bool(hits.all())
        if not (unsatisfied and open_beam and valid):
            return [{**h, "score": float(s), "done": bool(d)} for h, s, d in zip(finished, finished_scores, finished_done)]


class TorchDecoder:
    """A Marian model (tiny_marian.Marian) decoding one source sentence, rows being beams."""

    def __init__(self, model, input_ids):
        src = torch.tensor([input_ids])
        self.model, self.mask = model, torch.ones_like(src)
        self.enc = model.encode(src, self.mask)

    def start(self, rows):
        self.past, self.len = self.model.empty_past(rows), 0
        self.enc_rows, self.mask_rows = self.enc.expand(rows, -1, -1), self.mask.expand(rows, -1)

    def step(self, tokens, last_only=True):
        """tokens: [rows, n] new decoder tokens (n > 1 on a first step with a forced prefix)."""
        logits, presents = self.model.decode(torch.tensor(tokens), self.mask_rows, self.enc_rows, self.past, self.len)
        self.past, self.len = presents, self.len + len(tokens[0])
        return logits[:, -1] if last_only else logits

    def reorder(self, index):
        index = torch.tensor(index)
        self.past = [(k[index], v[index]) for k, v in self.past]
