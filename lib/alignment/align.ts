/**
 * Sentence alignment: which English sentence answers which Dutch one. The engine
 * translates sentence by sentence and keeps the boundaries, so alignment is by
 * index. A reader's correction keeps it while it has as many sentences as the
 * Dutch; otherwise (and wherever boundaries do not agree) the paragraph is
 * aligned as a whole, which is never wrong, only coarser.
 */
import type { SentenceTranslation } from '@/lib/translation/protocol';
import { splitSentences } from '@/lib/translation/sentences';

export interface AlignedSpan {
  start: number;
  end: number;
  /** The sentence's position in its paragraph; the partner has the same index. */
  index: number;
}

/** The Dutch sentences, exactly as the engine splits them (same function, same offsets). */
export function dutchSpans(text: string): AlignedSpan[] {
  return splitSentences(text).map(({ start, end }, index) => ({ start, end, index }));
}

/**
 * Spans in the English text the reader sees, or null when only the paragraph can be aligned.
 * `machine` is the engine's sentences for this Dutch text; `corrected` says `shown` is the reader's own.
 */
export function englishSpans(shown: string, machine: readonly SentenceTranslation[] | null, dutch: readonly AlignedSpan[], corrected: boolean): AlignedSpan[] | null {
  if (!shown || dutch.length === 0) return null;
  if (!corrected && machine) return machineSpans(shown, machine, dutch);
  const english = splitSentences(shown, 'en');
  if (english.length !== dutch.length) return null;
  return english.map(({ start, end }, index) => ({ start, end, index }));
}

function machineSpans(shown: string, machine: readonly SentenceTranslation[], dutch: readonly AlignedSpan[]): AlignedSpan[] | null {
  // Boundaries made by another browser's segmenter may differ from the ones rendered here.
  if (machine.length !== dutch.length || machine.some((m, i) => m.start !== dutch[i]?.start)) return null;
  const spans: AlignedSpan[] = [];
  let from = 0;
  for (const [index, sentence] of machine.entries()) {
    const target = sentence.target.trim();
    if (!target) continue; // a sentence the model left empty has no partner to highlight
    const at = shown.indexOf(target, from);
    if (at < 0) return null;
    spans.push({ start: at, end: at + target.length, index });
    from = at + target.length;
  }
  return spans;
}

/** Text cut into plain runs and sentence runs, for rendering. */
export function pieces(text: string, spans: readonly AlignedSpan[] | null): { text: string; index: number | null }[] {
  if (!spans || spans.length === 0) return [{ text, index: null }];
  const out: { text: string; index: number | null }[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) out.push({ text: text.slice(at, span.start), index: null });
    out.push({ text: text.slice(span.start, span.end), index: span.index });
    at = span.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), index: null });
  return out;
}
