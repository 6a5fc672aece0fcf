/**
 * The model's help to a reader of one article, on their own device: other translations of an English
 * sentence (and choosing one), glosses of a selected Dutch word or phrase, and completing a sentence the
 * reader started typing. Alternatives and glosses are computed once, on demand, and kept with the paragraph's
 * machine translation (its stored record), so asking again, here or after a reload, is instant.
 */
import { dutchSpans, englishSpans } from '@/lib/alignment/align';
import type { ArticleCorrections } from './article-corrections';
import type { ArticleParagraphs } from './segment-states';
import type { MachineRecord } from '@/lib/store/types';
import type { Alternative } from '@/lib/engine/shared/protocol';
import { isCorrected, shownSentences, shownText, type SourceSegment } from '@/lib/article/segment-state';

/** What the assistant needs of the engine (the translation worker's client). */
export interface AssistClient {
  alternatives(text: string, signal?: AbortSignal): Promise<Alternative[]>;
  complete(
    source: string,
    typed: string,
    options?: { signal?: AbortSignal; onPartial?: (sentence: string) => void },
  ): Promise<string>;
}

export interface AssistHost {
  paragraphs: Pick<ArticleParagraphs, 'segments' | 'hashes' | 'indexOf' | 'get'>;
  /** The engine, loaded on first need (shared with translation). */
  client(): Promise<AssistClient>;
  /** The paragraph's stored machine translation under the current settings, and a way to write it back. */
  readMachine(hash: string): Promise<MachineRecord | null>;
  writeMachine(record: MachineRecord): Promise<void>;
  corrections: ArticleCorrections;
}

/** At most this many other translations are offered. */
export const MAX_ALTERNATIVES = 5;

export class ArticleAssist {
  /** What was computed this visit, for paragraphs with no stored record to keep it in. */
  private readonly computed = new Map<string, Promise<string[]>>();

  constructor(private readonly host: AssistHost) {}

  /** The Dutch sentence `sentence` of paragraph `id` (the index the reader's sentence spans carry). */
  sourceSentence(id: string, sentence: number): string | null {
    const segment = this.segment(id);
    const span = dutchSpans(segment.text)[sentence];
    return span ? segment.text.slice(span.start, span.end) : null;
  }

  /** The English the reader sees for that sentence, or null when only the whole paragraph can be aligned. */
  shownSentence(id: string, sentence: number): { text: string; start: number; end: number } | null {
    const state = this.host.paragraphs.get(id);
    const shown = shownText(state);
    const spans = englishSpans(shown, shownSentences(state), dutchSpans(this.segment(id).text), isCorrected(state));
    const span = spans?.find((s) => s.index === sentence);
    return span ? { text: shown.slice(span.start, span.end), start: span.start, end: span.end } : null;
  }

  /**
   * Up to MAX_ALTERNATIVES translations of the sentence other than the one shown, best first.
   * Rejects (EngineFailure) when the engine cannot load or the reader moved on (`signal`).
   */
  async alternatives(id: string, sentence: number, signal?: AbortSignal): Promise<string[]> {
    const source = this.sourceSentence(id, sentence);
    if (!source) return [];
    const shown = this.shownSentence(id, sentence)?.text.trim();
    // Found by the translation's own beam search, when it had as many beams: nothing to ask the model.
    const machine = this.host.paragraphs.get(id).sentences?.[sentence];
    const all =
      machine?.source === source && machine.alternatives
        ? machine.alternatives
        : await this.cached(id, `sentence:${sentence}`, source, signal);
    return all.filter((text) => text !== shown).slice(0, MAX_ALTERNATIVES);
  }

  /** Translations of a Dutch word or phrase of paragraph `id` on its own, best first: a learner's gloss. */
  gloss(id: string, phrase: string, signal?: AbortSignal): Promise<string[]> {
    const text = phrase.trim();
    return text
      ? this.cached(id, `gloss:${text}`, text, signal).then((all) => all.slice(0, MAX_ALTERNATIVES + 1))
      : Promise.resolve([]);
  }

  /** Makes `text` the English of that sentence: the paragraph's correction, marked as a chosen alternative. */
  async choose(id: string, sentence: number, text: string): Promise<void> {
    const state = this.host.paragraphs.get(id);
    const shown = shownText(state);
    const span = this.shownSentence(id, sentence);
    const next = span ? `${shown.slice(0, span.start)}${text}${shown.slice(span.end)}` : text;
    await this.host.corrections.save(id, next, 'edited', 'choose', 'alternative');
  }

  /**
   * The English sentence for Dutch sentence `sentence` of paragraph `id`, beginning with what the reader typed
   * and completed by the model; `onPartial` is told it as it grows. Aborted by `signal` (the reader typed on).
   */
  async complete(
    id: string,
    sentence: number,
    typed: string,
    options: { signal?: AbortSignal; onPartial?: (sentence: string) => void } = {},
  ): Promise<string> {
    const source = this.sourceSentence(id, sentence) ?? this.segment(id).text;
    const client = await this.host.client();
    return client.complete(source, typed, options);
  }

  private segment(id: string): SourceSegment {
    const index = this.host.paragraphs.indexOf(id);
    if (index === undefined) throw new Error(`no paragraph ${id}`);
    return this.host.paragraphs.segments[index]!;
  }

  /** A list kept in the paragraph's stored record (`key`: a sentence's alternatives, or a gloss), else made. */
  private cached(id: string, key: string, text: string, signal?: AbortSignal): Promise<string[]> {
    const hash = this.host.paragraphs.hashes[this.host.paragraphs.indexOf(id)!]!;
    const memo = `${hash}|${key}`;
    const known = this.computed.get(memo);
    if (known) return known;
    const made = (async () => {
      const record = await this.host.readMachine(hash).catch(() => null);
      const stored = record?.assist?.[key];
      if (stored) return stored;
      const client = await this.host.client();
      const list = (await client.alternatives(text, signal)).map((a) => a.text);
      // Kept with the machine translation; a failing store only costs asking the model again next visit.
      if (record)
        await this.host.writeMachine({ ...record, assist: { ...record.assist, [key]: list } }).catch(() => {});
      return list;
    })();
    this.computed.set(memo, made);
    made.catch(() => this.computed.delete(memo));
    return made;
  }
}
