import { BaseStreamer, type TranslationPipeline } from '@huggingface/transformers';
import { CancelledError, type SentenceModel } from './translate-paragraph';

/** How often a sentence's partial text is decoded for streaming. Decoding every token costs real time. */
export const STREAM_INTERVAL_MS = 150;

/**
 * Collects generated ids as they come, for streaming, and hands them on at most every
 * STREAM_INTERVAL_MS; throwing from put() stops generate() mid-sentence.
 */
class IdStreamer extends BaseStreamer {
  readonly ids: number[] = [];
  private first = true;
  private last = performance.now();

  constructor(
    private readonly onIds: (ids: number[]) => void,
    private readonly shouldStop?: () => boolean,
    private readonly interval = STREAM_INTERVAL_MS,
  ) {
    super();
  }

  override put(value: bigint[][]): void {
    if (this.shouldStop?.()) throw new CancelledError();
    // The first put is the decoder start token, not output.
    if (this.first) {
      this.first = false;
      return;
    }
    for (const id of value[0] ?? []) this.ids.push(Number(id));
    const now = performance.now();
    if (now - this.last < this.interval) return;
    this.last = now;
    this.onIds(this.ids);
  }

  override end(): void {}
}

/** Adapts a transformers.js translation pipeline to the paragraph translator. */
export function marianModel(translator: TranslationPipeline, options: { streamIntervalMs?: number } = {}): SentenceModel {
  const tokenizer = translator.tokenizer;
  const wordCache = new Map<string, number>();
  return {
    tokensOfWord(word) {
      let n = wordCache.get(word);
      if (n === undefined) {
        n = tokenizer.encode(word, { add_special_tokens: false }).length;
        if (wordCache.size > 50_000) wordCache.clear();
        wordCache.set(word, n);
      }
      return n;
    },
    async translate(text, { maxNewTokens, onText, shouldStop }) {
      const streamer = new IdStreamer(
        (ids) => onText?.(tokenizer.decode(ids, { skip_special_tokens: true })),
        shouldStop,
        options.streamIntervalMs,
      );
      const output = await translator(text, { max_new_tokens: maxNewTokens, streamer } as never);
      const first = Array.isArray(output) ? output[0] : output;
      const translated = (first as { translation_text?: string } | undefined)?.translation_text ?? '';
      // The streamer saw every generated id, the final </s> included.
      return { text: translated, outputTokens: streamer.ids.length };
    },
  };
}
