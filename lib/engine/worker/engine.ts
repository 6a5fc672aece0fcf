/**
 * The translation engine: paragraphs in, English out, on our own decoder loop. Each paragraph is cut into
 * sentences (OPUS-MT drops sentences from multi-sentence input) and over-long sentences into chunks; every
 * piece is a job in one queue (job-queue.ts), shared by all the paragraphs in flight. Each paragraph streams its
 * English as its sentences grow, and comes back with every word's probability. The same model, on demand:
 * other translations of a sentence (beam search's n-best list) and the rest of a sentence a reader started.
 */
import { chunkSentence } from '../shared/chunk';
import { MAX_INPUT_TOKENS, maxNewTokensFor } from '../shared/limits';
import type { Alternative, ParagraphTranslation, SentenceTranslation } from '../shared/protocol';
import { cancelled } from '../shared/errors';
import { splitSentences } from '../shared/sentences';
import type { Encoded, ModelRules } from './batch-decoder';
import type { BeamSettings } from './decoding';
import { JobQueue } from './job-queue';
import type { MarianSessions } from './marian-sessions';
import type { EngineTokenizer } from './tokenizer';
import type { GlossaryTerm } from '../shared/terms';
import { ownEnglish, placedTerms, reusable, sentenceTerms } from './sentence-terms';
import { sentenceOf } from './sentence-result';
import { typedPrefix } from './typed-prefix';

export interface EngineOptions {
  /** Beam search as the model's generation config asks ('best'), or greedy ('fast'). */
  beams: BeamSettings | null;
  /** Beam search for alternatives: the model's settings, with at least ALTERNATIVE_BEAMS beams. */
  alternatives?: BeamSettings;
  /**
   * Decoder rows per step at most: a sentence takes one row decoded greedily, num_beams rows with beams. A
   * sentence with more beams than this is decoded alone.
   */
  batchRows: number;
  /**
   * Every sentence decoded (and encoded) on its own, its beams together: for files whose quantization of the
   * activations is per tensor (config.ts sentencesApartFor), where neighbours and padding would change a
   * sentence's words.
   */
  sentencesApart?: boolean;
  /** How many new tokens a sentence of `n` input tokens may (and must) have; by default up to min(512, 2n + 8). */
  lengths?: (n: number) => { min: number; max: number };
}

/** Beams for a sentence's alternatives: the best and up to five others. */
export const ALTERNATIVE_BEAMS = 6;

export class TranslationEngine {
  private readonly jobs: JobQueue;
  /** The encoder's output for the sources a reader is completing, most recent last. */
  private readonly encodedSources = new Map<string, Promise<Encoded>>();

  constructor(
    /** Read for speed figures (bench:full, tests). */
    readonly sessions: MarianSessions,
    private readonly tokenizer: EngineTokenizer,
    private readonly rules: ModelRules,
    private readonly options: EngineOptions,
  ) {
    this.jobs = new JobQueue(sessions, rules, options.batchRows, options.sentencesApart ?? false);
  }

  /**
   * Translates a paragraph. `onPartial` is told whenever its English grew, with a function that makes the
   * text (decoding costs time: the caller decides how often it is worth it).
   */
  async translate(
    paragraph: string,
    {
      onPartial,
      onSentence,
      shouldStop,
      terms = [],
      reuse,
    }: {
      onPartial?: (text: () => string) => void;
      onSentence?: (piece: number) => void;
      shouldStop?: () => boolean;
      /** The reader's glossary: a sentence with one of its Dutch terms must contain its English. */
      terms?: readonly GlossaryTerm[];
      /** Sentences of an earlier translation of it (same settings): one that needs the same terms is kept as it is. */
      reuse?: readonly SentenceTranslation[];
    } = {},
  ): Promise<ParagraphTranslation> {
    const started = performance.now();
    const spans = splitSentences(paragraph);
    const kept = spans.map((span) => reusable(span.text, terms, reuse));
    const pieces = spans.flatMap((span, sentence) =>
      kept[sentence]
        ? []
        : chunkSentence(span.text, (w) => this.tokenizer.tokensOfWord(w)).map((text) => ({ sentence, text })),
    );
    const current: (readonly number[])[] = pieces.map(() => []);
    const done: (string | null)[] = pieces.map(() => null);
    const sofar = (s: number) =>
      pieces.flatMap((p, i) => (p.sentence === s ? [done[i] ?? this.tokenizer.decode(current[i]!).trim()] : []));
    const text = () =>
      spans
        .flatMap((_, s) => (kept[s] ? [kept[s].target] : sofar(s)))
        .filter(Boolean)
        .join(' ');
    const results = await Promise.all(
      pieces.map((piece, i) => {
        const ids = this.tokenizer.encode(piece.text);
        const { min, max } = this.lengthsFor(ids.length);
        const glossary = sentenceTerms(
          piece.text,
          terms,
          this.tokenizer,
          this.options.beams,
          this.options.alternatives,
        );
        const job = {
          ids,
          maxNewTokens: max,
          minNewTokens: min,
          beams: this.options.beams,
          cancelled: shouldStop,
          progress: (tokens: readonly number[]) => {
            current[i] = tokens;
            onPartial?.(text);
          },
        };
        const constrained = glossary.constraints
          ? this.jobs.add({ ...job, beams: glossary.beams, constraints: glossary.constraints })
          : null;
        // A term no translation within the length cap could contain: reported, and the model's own English kept
        // (an earlier one of this sentence without terms is that English already: not decoded again).
        const whole = pieces.filter((p) => p.sentence === piece.sentence).length === 1;
        const own = whole ? ownEnglish(spans[piece.sentence]!.text, reuse) : null;
        const decoded = constrained
          ? constrained.then((r) => (r && !r.placed ? (own ?? this.jobs.add(job)) : r))
          : this.jobs.add(job);
        return decoded.then((result) => {
          if (!result) throw cancelled();
          const placed = placedTerms(glossary.found, !!result.placed);
          done[i] = this.tokenizer.decode(result.tokens).trim();
          onSentence?.(i);
          onPartial?.(text);
          return { ...result, input: ids.length, terms: placed, constrained: !!constrained };
        });
      }),
    );
    const searched =
      this.options.beams &&
      this.options.alternatives &&
      this.options.beams.numBeams >= this.options.alternatives.numBeams;
    const sentences: SentenceTranslation[] = spans.map((span, s) =>
      kept[s]
        ? { ...kept[s], start: span.start, end: span.end }
        : sentenceOf(
            span,
            results.filter((_, i) => pieces[i]!.sentence === s),
            this.tokenizer,
            searched ? (nbest) => this.distinct(nbest) : null,
          ),
    );
    return {
      text: sentences
        .map((s) => s.target)
        .filter(Boolean)
        .join(' '),
      sentences,
      inputTokens: results.reduce((n, r) => n + r.input, 0),
      outputTokens: results.reduce((n, r) => n + r.tokens.length, 0),
      ms: performance.now() - started,
    };
  }

  /**
   * Other translations of one sentence (or a word or phrase alone, as a gloss): the distinct finished
   * hypotheses of beam search with at least ALTERNATIVE_BEAMS beams, best first. Ahead of paragraph work.
   */
  async alternatives(text: string, { shouldStop }: { shouldStop?: () => boolean } = {}): Promise<Alternative[]> {
    const ids = this.tokenizer.encode(text.trim());
    if (ids.length > MAX_INPUT_TOKENS || !text.trim()) return [];
    const beams = this.options.alternatives ?? { numBeams: ALTERNATIVE_BEAMS, lengthPenalty: 1, earlyStopping: false };
    const { min, max } = this.lengthsFor(ids.length);
    const result = await this.jobs.add(
      { ids, maxNewTokens: max, minNewTokens: min, beams, cancelled: shouldStop },
      { urgent: true },
    );
    if (!result) throw cancelled();
    const scores = new Map(
      result.nbest.map((h) => [this.tokenizer.decode(h.tokens).trim(), h.score] as const).reverse(),
    );
    return this.distinct(result.nbest).map((text) => ({ text, score: scores.get(text)! }));
  }

  private lengthsFor(inputTokens: number) {
    return this.options.lengths?.(inputTokens) ?? { min: 0, max: maxNewTokensFor(inputTokens) };
  }

  /** The distinct English texts of an n-best list, best first. */
  private distinct(nbest: readonly { tokens: number[] }[]): string[] {
    return [...new Set(nbest.map((h) => this.tokenizer.decode(h.tokens).trim()).filter(Boolean))];
  }

  /**
   * The rest of a sentence a reader has started (typed-prefix.ts), greedily, ahead of paragraph work. `onPartial`
   * is told the sentence as it grows. Returns the whole English sentence, which begins with `typed` when the
   * model spells it the same.
   */
  async complete(
    source: string,
    typed: string,
    { onPartial, shouldStop }: { onPartial?: (sentence: string) => void; shouldStop?: () => boolean } = {},
  ): Promise<string> {
    const ids = this.tokenizer.encode(source.trim());
    if (ids.length > MAX_INPUT_TOKENS || !source.trim()) return typed;
    const { prefix, partial, allowed } = typedPrefix(this.tokenizer, typed);
    const key = ids.join(',');
    let encoded = this.encodedSources.get(key);
    if (!encoded) {
      encoded = this.jobs.encode([ids]);
      this.encodedSources.set(key, encoded);
      encoded.catch(() => this.encodedSources.delete(key));
      for (const old of this.encodedSources.keys()) if (this.encodedSources.size > 4) this.encodedSources.delete(old);
    }
    const text = (tokens: readonly number[]) => this.tokenizer.decode([...prefix, ...tokens]).trim();
    const result = await this.jobs.add(
      {
        ids,
        prefix,
        allowed: partial ? allowed : undefined,
        maxNewTokens: Math.max(1, this.lengthsFor(ids.length).max - prefix.length),
        minNewTokens: Math.max(0, this.lengthsFor(ids.length).min - prefix.length),
        beams: null,
        cancelled: shouldStop,
        progress: (tokens) => onPartial?.(text(tokens)),
      },
      { urgent: true, encoded: await encoded },
    );
    if (!result) throw cancelled();
    return text(result.tokens);
  }
}
