"""Reference constrained beam search for the tests: Hugging Face's generate(constraints=[PhrasalConstraint(...)])
in torch, written from Transformers' generation/beam_constraints.py (PhrasalConstraint, ConstraintListState) and
generation/beam_search.py (ConstrainedBeamSearchScorer.process, step_sentence_constraint, finalize; BeamHypotheses),
with the loop of `_constrained_beam_search` and the logits processors of hf_generate.py.

Two points where Transformers leaves the outcome open or falls back, decided here as lib/engine/worker/
constrained-beams.ts decides them: sorts keep the order of equal keys (torch's sort is not stable), and where no
hypothesis met every phrase within the length cap the result is empty (Transformers returns unconstrained beams).
"""

import torch

from hf_generate import NEG, step_scores


class Phrasal:
    def __init__(self, token_ids):
        self.token_ids, self.seqlen, self.fulfilled_idx, self.completed = list(token_ids), len(token_ids), -1, False

    def advance(self):
        return None if self.completed else self.token_ids[self.fulfilled_idx + 1]

    def does_advance(self, token):
        return not self.completed and token == self.token_ids[self.fulfilled_idx + 1]

    def update(self, token):
        stepped = completed = reset = False
        if self.does_advance(token):
            self.fulfilled_idx += 1
            stepped = True
            completed = self.fulfilled_idx == self.seqlen - 1
            self.completed = completed
        else:
            reset = True
            self.fulfilled_idx, self.completed = -1, False
        return stepped, completed, reset

    def remaining(self):
        return self.seqlen - (self.fulfilled_idx + 1)

    def fresh(self):
        return Phrasal(self.token_ids)


class ConstraintList:
    def __init__(self, constraints):
        self.constraints = constraints
        self.max_seqlen = max(c.seqlen for c in constraints)
        self.completed = False
        self.complete, self.inprogress, self.pending = [], None, [c.fresh() for c in constraints]

    def bank(self):
        add = self.max_seqlen - self.inprogress.remaining() if self.inprogress else 0
        return len(self.complete) * self.max_seqlen + add

    def advance(self):
        if self.inprogress is None:
            tokens = [c.advance() for c in self.pending]
        else:
            tokens = [self.inprogress.advance()]
        tokens = [t for t in tokens if t is not None]
        return tokens or None

    def add(self, token):
        if self.completed:
            return
        if self.inprogress is not None:
            stepped, complete, reset = self.inprogress.update(token)
            if reset:
                self.pending.append(self.inprogress.fresh())
                self.inprogress = None
            if complete:
                self.complete.append(self.inprogress)
                self.inprogress = None
                if not self.pending:
                    self.completed = True
        else:
            for i, c in enumerate(self.pending):
                if c.does_advance(token):
                    stepped, complete, _ = c.update(token)
                    if complete:
                        self.complete.append(c)
                        self.inprogress = None
                    if not complete and stepped:
                        self.inprogress = c
                    self.pending = self.pending[:i] + self.pending[i + 1:]
                    if not self.pending and self.inprogress is None:
                        self.completed = True
                    break

    @staticmethod
    def of(phrases, tokens):
        state = ConstraintList([Phrasal(p) for p in phrases])
        for t in tokens:
            state.add(t)
            if state.completed:
                break
        return state


class Hypotheses:
    """BeamHypotheses: the num_beams best finished hypotheses, scored sum / length ** length_penalty."""

    def __init__(self, num_beams, length_penalty, early_stopping, max_length):
        self.n, self.lp, self.early, self.max_length = num_beams, length_penalty, early_stopping, max_length
        self.beams, self.worst, self.added = [], 1e9, 0

    def add(self, hyp, sum_logprobs, generated_len):
        score = sum_logprobs / (generated_len ** self.lp)
        if len(self.beams) < self.n or score > self.worst:
            self.beams.append((score, self.added, hyp))
            self.added += 1
            if len(self.beams) > self.n:
                ranked = sorted((s, i) for i, (s, _, _) in enumerate(self.beams))
                del self.beams[ranked[0][1]]
                self.worst = ranked[1][0]
            else:
                self.worst = min(score, self.worst)

    def is_done(self, best_sum_logprobs, cur_len, prompt):
        if len(self.beams) < self.n:
            return False
        if self.early is True:
            return True
        length = self.max_length - prompt if self.early == "never" and self.lp > 0 else cur_len - prompt
        return self.worst >= best_sum_logprobs / length ** self.lp


@torch.no_grad()
def constrained_beam_search(decoder, rules, phrases, num_beams, length_penalty=1.0, early_stopping=False):
    """One sentence; `phrases`: lists of decoder token ids that must each appear. The finished hypotheses that
    met every phrase, best first (empty when none could)."""
    prompt, eos, max_length = rules["prompt_length"], rules["eos"], rules["max_length"]
    hyps = Hypotheses(num_beams, length_penalty, early_stopping, max_length)
    running = [{"tokens": [], "logprobs": []} for _ in range(num_beams)]
    beam_scores = torch.tensor([0.0] + [NEG] * (num_beams - 1), dtype=torch.float32)
    decoder.start(num_beams)
    last, cur_len = [[rules["start"]]] * num_beams, prompt
    while True:
        processed = step_scores(decoder, last, cur_len, rules)  # [num_beams, V]
        vocab_scores = processed + beam_scores[:, None]
        vocab = processed.shape[1]
        flat = vocab_scores.view(-1)
        # torch.topk with -inf candidates left out: they can never finish (only the forced </s> is finite then).
        top_scores, top_index = torch.topk(flat, 2 * num_beams, sorted=True)
        finite = torch.isfinite(top_scores)
        top_scores, top_index = top_scores[finite], top_index[finite]
        step_len = cur_len + 1

        # process()
        kept = []
        for rank, (score, index) in enumerate(zip(top_scores.tolist(), top_index.tolist())):
            parent, token = index // vocab, index % vocab
            if token == eos:
                if rank < num_beams and ConstraintList.of(phrases, running[parent]["tokens"]).completed:
                    hyp = {"tokens": running[parent]["tokens"] + [token],
                           "logprobs": running[parent]["logprobs"] + [float(processed[parent, token])]}
                    hyps.add(hyp, score, step_len - prompt)
            else:
                kept.append((torch.tensor(score, dtype=torch.float32), parent, token))
            if len(kept) == num_beams:
                break

        # step_sentence_constraint()
        seqs = [running[p]["tokens"] + [t] for _, p, t in kept]
        new = []
        for b, beam in enumerate(running):
            state = ConstraintList.of(phrases, beam["tokens"])
            if state.completed:
                continue
            for token in state.advance():
                seq = beam["tokens"] + [token]
                if seq not in seqs:
                    seqs.append(seq)
                    new.append((vocab_scores[b, token], b, token))
        chosen = kept
        if new:
            every = kept + new
            banks = torch.tensor([ConstraintList.of(phrases, running[p]["tokens"] + [t]).bank() for _, p, t in every])
            zipped = banks * 100 + torch.stack([s for s, _, _ in every])
            order = torch.sort(zipped, descending=True, stable=True).indices.tolist()
            increments, counter = [], -1
            for n, i in enumerate(order):
                counter = counter + 1 if n > 0 and banks[i] == banks[order[n - 1]] else 0
                increments.append(counter)
            rearranged = sorted(range(len(order)), key=lambda n: increments[n])  # a stable sort, as np's mergesort
            chosen = [every[order[n]] for n in rearranged][:num_beams]

        running = [{"tokens": running[p]["tokens"] + [t], "logprobs": running[p]["logprobs"] + [float(processed[p, t])]}
                   for _, p, t in chosen]
        beam_scores = torch.stack([s for s, _, _ in chosen]) if chosen else torch.zeros(0)
        best = float(top_scores[0]) if len(top_scores) else -float("inf")
        done = hyps.is_done(best, step_len, prompt)
        cur_len = step_len
        if not chosen or done or cur_len >= max_length:
            break
        decoder.reorder([p for _, p, _ in chosen])
        last = [[h["tokens"][-1]] for h in running]

    if not done:  # finalize(): running beams that met every phrase
        for beam, score in zip(running, beam_scores.tolist()):
            if ConstraintList.of(phrases, beam["tokens"]).completed:
                hyps.add(beam, score, len(beam["tokens"]))
    ranked = sorted(hyps.beams, key=lambda b: (b[0], b[1]), reverse=True)
    return [{**h, "score": s} for s, _, h in ranked if s != -float("inf") and s == s]
