/** What the engine needs of a tokenizer (from-pipeline.ts adapts transformers.js's MarianTokenizer to it). */
export interface EngineTokenizer {
  /** Token ids of a text, </s> included. */
  encode(text: string): number[];
  /** Token ids of a text as it would appear in the output: no </s>. */
  encodePlain(text: string): number[];
  decode(ids: readonly number[]): string;
  /** A token's SentencePiece string, or null for a special token (</s>, <unk>, <pad>). */
  piece(id: number): string | null;
  /** Every ordinary token that can spell the start of `text`: its piece starts with `text`, or `text` with it. */
  consistentWith(text: string): ReadonlySet<number>;
  /** Tokens of one whitespace-free word, without </s>. */
  tokensOfWord(word: string): number;
}
