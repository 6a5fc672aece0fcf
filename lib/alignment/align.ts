/**
 * Sentence alignment: which English sentence answers which Dutch one. The engine
 * translates sentence by sentence and keeps the boundaries, so alignment is by
 * index. A reader's correction keeps the engine's boundaries for the sentences
 * it left as they were, and places the edited ones between them; failing that,
 * it keeps alignment while it has as many sentences as the Dutch; otherwise
 * the paragraph is aligned as a whole, which is never wrong, only coarser.
 */
import type { SentenceTranslation } from '@/lib/engine/shared/protocol';
import { splitSentences } from '@/lib/engine/shared/sentences';

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
export function englishSpans(
  shown: string,
  machine: readonly SentenceTranslation[] | null,
  dutch: readonly AlignedSpan[],
  corrected: boolean,
): AlignedSpan[] | null {
  if (!shown || dutch.length === 0) return null;
  const agree =
    machine !== null && machine.length === dutch.length && machine.every((m, i) => m.start === dutch[i]?.start);
  if (!corrected) return agree ? machineSpans(shown, machine) : null;
  // A correction: the engine's boundaries wherever its sentences are still there word for word (a Confirm, or
  // one sentence edited), the edited ones between them; else the English cut afresh, if it has as many.
  return (agree && correctedSpans(shown, machine)) || splitSpans(shown, dutch.length);
}

function splitSpans(text: string, count: number, offset = 0): AlignedSpan[] | null {
  const english = splitSentences(text, 'en');
  if (english.length !== count) return null;
  return english.map(({ start, end }, index) => ({ start: offset + start, end: offset + end, index }));
}

/** Where each machine sentence stands in `shown`, in order; null for one that is not there as it was. */
function anchors(shown: string, machine: readonly SentenceTranslation[]): ([number, number] | null)[] {
  let from = 0;
  return machine.map((sentence) => {
    const target = sentence.target.trim();
    const at = target ? shown.indexOf(target, from) : -1;
    if (at < 0) return null;
    from = at + target.length;
    return [at, from];
  });
}

function machineSpans(shown: string, machine: readonly SentenceTranslation[]): AlignedSpan[] | null {
  const found = anchors(shown, machine);
  // A sentence the model left empty has no partner to highlight; any other missing one: not this text's.
  if (found.some((a, i) => !a && machine[i]!.target.trim())) return null;
  return found.flatMap((a, index) => (a ? [{ start: a[0], end: a[1], index }] : []));
}

/**
 * The reader's text laid on the engine's sentences: unchanged ones where they stand, and each run of changed
 * ones in the text between its neighbours (one sentence: all of it; several: cut into as many, or give up).
 */
function correctedSpans(shown: string, machine: readonly SentenceTranslation[]): AlignedSpan[] | null {
  const found = anchors(shown, machine);
  if (found.every((a) => a === null)) return null;
  const spans: AlignedSpan[] = [];
  for (let i = 0; i < found.length;) {
    const a = found[i];
    if (a) {
      spans.push({ start: a[0], end: a[1], index: i++ });
      continue;
    }
    let j = i;
    while (j < found.length && !found[j]) j++;
    const from = spans.at(-1)?.end ?? 0;
    const to = found[j]?.[0] ?? shown.length;
    const gap = shown.slice(from, to);
    const lead = gap.length - gap.trimStart().length;
    const text = gap.trim();
    if (text) {
      const run =
        j - i === 1
          ? [{ start: from + lead, end: from + lead + text.length, index: 0 }]
          : splitSpans(text, j - i, from + lead);
      if (!run) return null;
      spans.push(...run.map((s, k) => ({ ...s, index: i + k })));
    }
    i = j;
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
