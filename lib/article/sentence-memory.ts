/**
 * Translation memory by sentence. CAT tools store one sentence per unit, and a reader's corrections of
 * one-sentence paragraphs are sentences too: a paragraph whose sentences (as our splitter cuts them) have
 * corrections of their own shows those, each marked, and the machine's English for the rest. When every
 * sentence has one, the paragraph needs no machine translation at all.
 */
import { sourceHash } from '@/lib/content/block-id';
import type { CorrectionRecord, TranslationStore } from '@/lib/store/types';
import { hasOwnText } from '@/lib/store/versioning';
import type { SentenceTranslation } from '../engine/shared/protocol';
import { splitSentences } from '../engine/shared/sentences';

/** A sentence of a paragraph, with the reader's English for it, or null where the machine's is shown. */
export interface MemorySentence {
  source: string;
  start: number;
  end: number;
  target: string | null;
}

/** A paragraph's sentences with their Dutch hashes, as the engine cuts them. */
export function sentencesOf(paragraph: string) {
  return splitSentences(paragraph).map((s) => ({ ...s, hash: sourceHash(s.text) }));
}

/**
 * The memory for each paragraph (by index) that has some: only paragraphs of two or more sentences (a
 * one-sentence paragraph's own correction is found by its paragraph hash) and without a correction of
 * their own. One read of the store for the whole article.
 */
export async function readSentenceMemory(
  store: TranslationStore,
  paragraphs: readonly string[],
  skip: (index: number) => boolean,
): Promise<Map<number, MemorySentence[]>> {
  const out = new Map<number, MemorySentence[]>();
  if ((await store.countCorrections()) === 0) return out;
  // Splitting a long article into sentences takes tens of milliseconds: in slices, so the page stays responsive.
  const split: (ReturnType<typeof sentencesOf> | null)[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    if (i > 0 && i % 200 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const sentences = skip(i) ? null : sentencesOf(paragraphs[i]!);
    split.push(sentences && sentences.length > 1 ? sentences : null);
  }
  const hashes = [...new Set(split.flatMap((s) => s?.map((x) => x.hash) ?? []))];
  if (hashes.length === 0) return out;
  const found: Map<string, CorrectionRecord> = await store.getCorrections(hashes);
  split.forEach((sentences, i) => {
    if (!sentences) return;
    const memory = sentences.map(({ text, start, end, hash }) => {
      const record = found.get(hash);
      return { source: text, start, end, target: record && hasOwnText(record) ? record.text : null };
    });
    if (memory.some((m) => m.target !== null)) out.set(i, memory);
  });
  return out;
}

export const isComplete = (memory: readonly MemorySentence[] | null): boolean =>
  !!memory && memory.every((m) => m.target !== null);

/**
 * The sentences the reader sees: memory where there is some, else the machine's. Null when they cannot be
 * lined up (the machine's sentences are missing or cut differently): then the machine text is shown whole.
 */
export function mergeMemory(
  memory: readonly MemorySentence[],
  machine: readonly SentenceTranslation[] | null,
): SentenceTranslation[] | null {
  const complete = isComplete(memory);
  if (
    !complete &&
    (!machine || machine.length !== memory.length || machine.some((m, i) => m.start !== memory[i]!.start))
  )
    return null;
  return memory.map((m, i) => ({
    source: m.source,
    start: m.start,
    end: m.end,
    target: m.target ?? machine![i]!.target,
  }));
}

/** Sentences joined as the engine joins them. */
export const joinSentences = (sentences: readonly SentenceTranslation[]) =>
  sentences
    .map((s) => s.target)
    .filter(Boolean)
    .join(' ');
