import { chunkSentence } from './chunk';
import { maxNewTokensFor } from './limits';
import type { ParagraphTranslation, SentenceTranslation } from './protocol';
import { splitSentences } from './sentences';

/** What the paragraph translator needs from a model; the worker and the Node tests adapt the same pipeline. */
export interface SentenceModel {
  /** Tokens of one whitespace-free word, without </s>. */
  tokensOfWord(word: string): number;
  translate(
    text: string,
    options: { maxNewTokens: number; onText?: (partial: string) => void; shouldStop?: () => boolean },
  ): Promise<{ text: string; outputTokens: number }>;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * Translates a paragraph sentence by sentence (OPUS-MT drops sentences from
 * multi-sentence input), each over-long sentence in chunks, and keeps the
 * sentence boundaries for alignment. `onPartial` gets the paragraph's English so far.
 */
export async function translateParagraph(
  model: SentenceModel,
  paragraph: string,
  options: { onPartial?: (text: string) => void; shouldStop?: () => boolean } = {},
): Promise<ParagraphTranslation> {
  const started = performance.now();
  const sentences: SentenceTranslation[] = [];
  let inputTokens = 0;
  let outputTokens = 0;
  const done = () => sentences.map((s) => s.target).filter(Boolean);

  for (const span of splitSentences(paragraph)) {
    const pieces: string[] = [];
    for (const chunk of chunkSentence(span.text, (w) => model.tokensOfWord(w))) {
      if (options.shouldStop?.()) throw new CancelledError();
      const n = chunk.split(' ').reduce((sum, w) => sum + model.tokensOfWord(w), 0) + 1;
      inputTokens += n;
      const out = await model.translate(chunk, {
        maxNewTokens: maxNewTokensFor(n),
        shouldStop: options.shouldStop,
        onText: (partial) => options.onPartial?.([...done(), ...pieces, partial].filter(Boolean).join(' ')),
      });
      outputTokens += out.outputTokens;
      pieces.push(out.text.trim());
    }
    sentences.push({ source: span.text, start: span.start, end: span.end, target: pieces.filter(Boolean).join(' ') });
    options.onPartial?.(done().join(' '));
  }

  return {
    text: done().join(' '),
    sentences,
    inputTokens,
    outputTokens,
    ms: performance.now() - started,
  };
}
