"""Training the tiny test model on its toy task, reversing the source pieces (scripts/make-test-model.py --retrain)."""
import os
import random
import time

import torch
import torch.nn.functional as F

TRAIN_SECONDS = float(os.environ.get("TRAIN_SECONDS", "300"))

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
