/**
 * Decodes a batch of sentences together, each with its own settings (greedy, or beam search with the model's
 * own generation config), as Hugging Face's generate() would decode each alone: one encoder run for the batch,
 * then one decoder step for all live rows at a time. A sentence's rows leave the batch the step it is done,
 * and beams are reordered by gathering cache rows, so no step is spent on a finished row.
 */
import { sharedRowHead, type RowHead } from '@/lib/engine/kernels/row-head';
import { beamStep, startBeams, type BeamSettings, type BeamState, type Hypothesis } from './decoding';
import { constrainedResult, constrainedStep, startConstrained, type ConstrainedState } from './constrained-beams';
import { greedyPick, rowScores, type DecodingRules, type RowScores } from './row-scores';
import { gatherRows, type MarianSessions } from './marian-sessions';

export interface SentenceJob {
  /** Source token ids, </s> included. */
  ids: number[];
  maxNewTokens: number;
  minNewTokens: number;
  /** Beam search settings, or null for greedy search. */
  beams: BeamSettings | null;
  /** After each step: the best hypothesis so far (for streaming). */
  progress?: (tokens: readonly number[]) => void;
  /** Checked every step: a cancelled sentence leaves the batch. */
  cancelled?: () => boolean;
  /**
   * Decoder tokens forced after the start token (a reader's typed words; not part of the result): such a job
   * is decoded alone. `allowed(tokens)`: the tokens that may follow those generated, or null for any (the
   * reader's last, partial word being spelled out); greedy search only.
   */
  prefix?: readonly number[];
  allowed?: (tokens: readonly number[]) => ReadonlySet<number> | null;
  /**
   * Decoder token phrases every result must contain (a reader's glossary terms): constrained beam search
   * (constrained-beams.ts) with `beams`' settings.
   */
  constraints?: readonly (readonly number[])[];
}

export interface SentenceResult extends Hypothesis {
  /** Every finished hypothesis, best first (beam search's n-best list; greedy: the one). */
  nbest: Hypothesis[];
  /** With constraints: false when no hypothesis could contain them all (the result is then empty). */
  placed?: boolean;
}

/** What the model's config and generation config fix for every sentence. */
export interface ModelRules {
  /** decoder_start_token_id */
  start: number;
  eos: number;
  banned: number[];
  forcedEos: number | null;
  /** generation_config.max_length: a cap on top of each sentence's max_new_tokens. */
  maxLength: number;
}

interface Live {
  job: SentenceJob;
  index: number;
  rules: DecodingRules;
  greedy: Hypothesis | null;
  beams: BeamState | null;
  constrained: ConstrainedState | null;
  /** This sentence's rows in the current step, and how many. */
  rowStart: number;
  rowCount: number;
}

export interface DecodeOptions {
  /** The jobs' encoder output, when the caller kept it (a completion, keystroke after keystroke). */
  encoded?: Encoded;
  /** Awaited after every step: more urgent work (a reader waiting for a completion) runs in between. */
  between?: () => Promise<void>;
  /** The WebAssembly row head, or null for the JavaScript one (the same scores; tests compare the two). */
  head?: RowHead | null;
}

/** How far below a row's last kept logit a token could still tie once added to a beam score of `base`. */
const tieMargin = (base: number) => 1e-3 + 1e-6 * Math.abs(base);

export type Encoded = Awaited<ReturnType<MarianSessions['encode']>>;

export async function decodeBatch(
  sessions: MarianSessions,
  jobs: readonly SentenceJob[],
  model: ModelRules,
  options: DecodeOptions = {},
): Promise<(SentenceResult | null)[]> {
  const results: (SentenceResult | null)[] = jobs.map(() => null);
  const prefixLength = jobs[0]?.prefix?.length ?? 0;
  if (jobs.some((j) => (j.prefix?.length ?? 0) !== prefixLength))
    throw new Error('jobs with different forced prefixes are decoded apart');
  const encoded = options.encoded ?? (await sessions.encode(jobs.map((j) => j.ids)));
  const vocab = sessions.shape.vocab;
  const head = options.head === undefined ? sharedRowHead() : options.head;
  const promptLength = 1 + prefixLength;
  let live: Live[] = jobs.map((job, index) => ({
    job,
    index,
    rules: {
      eos: model.eos,
      banned: model.banned,
      forcedEos: model.forcedEos,
      maxLength: Math.min(model.maxLength, promptLength + job.maxNewTokens),
      minNewTokens: job.minNewTokens,
      promptLength,
    },
    greedy: job.beams ? null : { tokens: [], logprobs: [], score: 0 },
    beams: null,
    constrained: null,
    rowStart: index,
    rowCount: 1,
  }));
  for (const l of live) {
    if (l.job.beams && l.job.constraints?.length) l.constrained = startConstrained(l.job.beams, l.rules);
    else if (l.job.beams) l.beams = startBeams(l.job.beams, l.rules);
  }

  // The first step: one row per sentence (a sentence's beams are all the start token then).
  let rowJobs = jobs.map((_, i) => i);
  let last: number[][] = jobs.map((j) => [model.start, ...(j.prefix ?? [])]);
  let past = sessions.emptyPast(jobs.length);
  let encoderRows = { hidden: encoded.hidden, mask: encoded.mask };
  let first = true;

  while (live.length > 0) {
    const { logits, present } = await sessions.step(last, encoderRows, past, first);
    const next: number[] = [];
    const nextLive: Live[] = [];
    for (const l of live) {
      if (l.job.cancelled?.()) continue;
      const curLen = (l.beams ?? l.constrained)?.curLen ?? promptLength + l.greedy!.tokens.length;
      let parents: number[];
      let done: boolean;
      if (l.greedy) {
        const allowed = l.job.allowed?.(l.greedy.tokens) ?? null;
        const request = head && { head, take: 1, margin: 0 };
        const { token, logprob } = greedyPick(rowScores(logits, l.rowStart, vocab, curLen, l.rules, allowed, request));
        l.greedy = {
          tokens: [...l.greedy.tokens, token],
          logprobs: [...l.greedy.logprobs, logprob],
          score: Math.fround(l.greedy.score + logprob),
        };
        done = token === l.rules.eos || curLen + 1 >= l.rules.maxLength;
        parents = [0];
        l.job.progress?.(l.greedy.tokens);
        if (done) results[l.index] = { ...l.greedy, nbest: [l.greedy] };
      } else {
        const settings = l.job.beams!;
        const running = (l.beams ?? l.constrained)!.running;
        const scoresOf = (row: number, bases: readonly Hypothesis[]): RowScores => {
          const margin = tieMargin(Math.max(...bases.map((h) => Math.abs(h.score))));
          const request = head && { head, take: 2 * settings.numBeams, margin };
          return rowScores(logits, row, vocab, curLen, l.rules, null, request);
        };
        // On the first step every beam is the start token: one row, shared by all (their scores differ).
        const row0 = scoresOf(l.rowStart, l.rowCount === 1 ? running : running.slice(0, 1));
        const rows = Array.from({ length: l.rowCount === 1 ? settings.numBeams : l.rowCount }, (_, b) =>
          l.rowCount === 1 ? row0 : b === 0 ? row0 : scoresOf(l.rowStart + b, running.slice(b, b + 1)),
        );
        const stepped = l.constrained
          ? constrainedStep(l.constrained, rows, l.job.constraints!, settings, l.rules)
          : beamStep(l.beams!, rows, settings, l.rules);
        parents = l.rowCount === 1 ? stepped.parents.map(() => 0) : stepped.parents;
        done = stepped.done;
        if (l.constrained) {
          l.constrained = stepped.state as ConstrainedState;
          const nbest = done ? constrainedResult(l.constrained) : [];
          const best = nbest[0] ?? { tokens: [], logprobs: [], score: -Infinity };
          if (done) results[l.index] = { ...best, nbest, placed: nbest.length > 0 };
          else if (l.constrained.running[0]) l.job.progress?.(l.constrained.running[0].tokens);
        } else {
          l.beams = stepped.state as BeamState;
          l.job.progress?.(l.beams.running[0]!.tokens);
        }
        if (done && l.beams) {
          const nbest = l.beams.finished
            .filter((h) => h.done)
            .map(({ tokens, logprobs, score }) => ({ tokens, logprobs, score }));
          results[l.index] = { ...nbest[0]!, nbest };
        }
      }
      if (done) continue;
      const rowStart = next.length;
      for (const p of parents) next.push(l.rowStart + p);
      nextLive.push({ ...l, rowStart, rowCount: parents.length });
    }
    if (nextLive.length === 0) break;

    // The next step's rows: a gather of this step's (beams reordered, finished sentences dropped).
    const nextRowJobs = next.map((r) => rowJobs[r]!);
    const sameSentences =
      !first && nextRowJobs.length === rowJobs.length && nextRowJobs.every((j, i) => j === rowJobs[i]);
    // Greedy rows, and beams that kept their order, need no copy of the cache at all.
    const sameRows = next.length === rowJobs.length && next.every((r, i) => r === i);
    const nextPast: typeof past = {};
    for (const name of Object.keys(past)) {
      const presentName = name.replace('past_key_values', 'present');
      // Cross-attention K/V come from the first step, and only change when the rows' sentences do.
      const from = name.includes('.encoder.') && !first ? past[name]! : present[presentName]!;
      nextPast[name] =
        sameRows || (sameSentences && name.includes('.encoder.') && !first) ? from : await gatherRows(from, next);
    }
    if (!sameSentences)
      encoderRows = {
        hidden: await gatherRows(encoded.hidden, nextRowJobs),
        mask: await gatherRows(encoded.mask, nextRowJobs),
      };
    past = nextPast;
    rowJobs = nextRowJobs;
    last = nextLive.flatMap((l) =>
      l.greedy ? [[l.greedy.tokens.at(-1)!]] : (l.beams ?? l.constrained)!.running.map((h) => [h.tokens.at(-1)!]),
    );
    live = nextLive;
    first = false;
    await options.between?.();
  }
  return results;
}
