/**
 * The engine's one queue of sentence jobs, decoded on one pair of sessions. Paragraph sentences wait in order
 * (the page asks for what is on screen first) and are decoded in batches of similar length, up to a row
 * budget. A reader waiting on the model (alternatives, a completion as they type) does not wait for a batch:
 * urgent jobs run between two steps of the batch in flight, each on its own.
 */
import { decodeBatch, type Encoded, type ModelRules, type SentenceJob, type SentenceResult } from './batch-decoder';
import type { MarianSessions } from './marian-sessions';

interface Queued {
  job: SentenceJob;
  settle: (result: SentenceResult | null, error?: unknown) => void;
  /** Failed in a batch: tried again alone, to tell whose input broke it. */
  alone?: boolean;
  /** Its encoder output, kept by the caller. */
  encoded?: Encoded;
}

export class JobQueue {
  private readonly queue: Queued[] = [];
  private readonly urgent: Queued[] = [];
  private running = false;
  private runningUrgent = false;

  constructor(
    private readonly sessions: MarianSessions,
    private readonly rules: ModelRules,
    /** Decoder rows per step at most: a sentence takes 1 greedy, num_beams with beams. */
    private readonly batchRows: number,
    /** Never two sentences in one batch: their activations would share a quantization scale (q8). */
    private readonly sentencesApart = false,
  ) {}

  /** A sentence to decode; null when it was cancelled. `urgent`: a reader is waiting for it. */
  add(
    job: SentenceJob,
    { urgent = false, encoded }: { urgent?: boolean; encoded?: Encoded } = {},
  ): Promise<SentenceResult | null> {
    return new Promise((resolve, reject) => {
      const queued = {
        job,
        encoded,
        settle: (result: SentenceResult | null, error?: unknown) =>
          error === undefined ? resolve(result) : reject(error),
      };
      (urgent ? this.urgent : this.queue).push(queued);
      void this.pump();
    });
  }

  /** The encoder's output for sentences (kept by callers that decode the same source again and again). */
  encode(ids: readonly number[][]): Promise<Encoded> {
    return this.sessions.encode(ids);
  }

  /** Decodes while there is work; one batch at a time (the sessions run one call at a time anyway). */
  private async pump() {
    if (this.running) return;
    this.running = true;
    try {
      while (this.urgent.length > 0 || this.queue.length > 0) {
        // Not awaited when nothing is urgent: the first batch starts at once with what has arrived (the first
        // visible sentence, alone), instead of waiting a tick for a full batch that would make it slower.
        if (this.urgent.length > 0) await this.runUrgent();
        // Sentences of a paragraph the reader left are not decoded at all.
        for (const q of this.queue.filter((q) => q.job.cancelled?.())) {
          this.queue.splice(this.queue.indexOf(q), 1);
          q.settle(null);
        }
        if (this.queue.length === 0) continue;
        const batch = this.nextBatch();
        try {
          const results = await decodeBatch(
            this.sessions,
            batch.map((q) => q.job),
            this.rules,
            { between: () => this.runUrgent() },
          );
          batch.forEach((q, i) => q.settle(results[i] ?? null));
        } catch (err) {
          // One sentence's input may have broken the batch: each is tried again alone, and only the one that
          // fails alone fails (its paragraph shows the error; the others are translated as usual).
          if (batch.length === 1) batch[0]!.settle(null, err);
          else this.queue.unshift(...batch.map((q) => ({ ...q, alone: true })));
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** Urgent jobs, each alone, until none waits. */
  private async runUrgent() {
    if (this.runningUrgent) return;
    this.runningUrgent = true;
    try {
      for (let q = this.urgent.shift(); q; q = this.urgent.shift()) {
        if (q.job.cancelled?.()) {
          q.settle(null);
          continue;
        }
        try {
          const [result] = await decodeBatch(this.sessions, [q.job], this.rules, { encoded: q.encoded });
          q.settle(result ?? null);
        } catch (err) {
          q.settle(null, err);
        }
      }
    } finally {
      this.runningUrgent = false;
    }
  }

  /**
   * The first job waiting and, from the next few, those closest to it in length, up to the row budget: a
   * finished row leaves at once, so a batch of similar lengths stays full longest and takes the fewest steps.
   */
  private nextBatch(): Queued[] {
    const first = this.queue.shift()!;
    const rows = (q: Queued) => q.job.beams?.numBeams ?? 1;
    let budget = this.batchRows - rows(first);
    if (first.alone || this.sentencesApart || budget <= 0) return [first];
    const length = first.job.ids.length;
    const window = this.queue.slice(0, 4 * this.batchRows).filter((q) => !q.alone);
    window.sort((a, b) => Math.abs(a.job.ids.length - length) - Math.abs(b.job.ids.length - length));
    const batch = [first];
    for (const q of window) {
      if (rows(q) > budget) continue;
      batch.push(q);
      budget -= rows(q);
    }
    for (const q of batch.slice(1)) this.queue.splice(this.queue.indexOf(q), 1);
    return batch;
  }
}
