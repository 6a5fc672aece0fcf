import type { TranslationPipeline } from '@huggingface/transformers';
import type { Quality } from '../shared/config';
import type { ModelRules } from './batch-decoder';
import type { BeamSettings } from './decoding';
import { ALTERNATIVE_BEAMS, TranslationEngine, type EngineOptions } from './engine';
import type { EngineTokenizer } from './tokenizer';
import { MarianSessions, type KernelProjection } from './marian-sessions';

interface GenerationConfigFields {
  num_beams?: number;
  length_penalty?: number;
  early_stopping?: boolean | 'never';
  bad_words_ids?: number[][] | null;
  forced_eos_token_id?: number | number[] | null;
  eos_token_id?: number | number[] | null;
  decoder_start_token_id?: number | null;
  max_length?: number;
}

const one = (v: number | number[] | null | undefined): number | null =>
  Array.isArray(v) ? (v[0] ?? null) : (v ?? null);

/** What the model's generation config fixes for every sentence, and its beam settings ('best'). */
export function generationRules(config: GenerationConfigFields): { rules: ModelRules; beams: BeamSettings | null } {
  const eos = one(config.eos_token_id) ?? 0;
  const rules: ModelRules = {
    start: config.decoder_start_token_id ?? eos,
    eos,
    // Single-token bans only (Marian's is [[pad]]); a longer banned sequence would need the generated prefix.
    banned: (config.bad_words_ids ?? []).filter((ids) => ids.length === 1).map((ids) => ids[0]!),
    forcedEos: one(config.forced_eos_token_id),
    maxLength: config.max_length ?? 512,
  };
  const numBeams = config.num_beams ?? 1;
  const beams =
    numBeams > 1
      ? { numBeams, lengthPenalty: config.length_penalty ?? 1, earlyStopping: config.early_stopping ?? false }
      : null;
  return { rules, beams };
}

/** transformers.js's tokenizer, as the engine uses it. */
export function engineTokenizer(translator: TranslationPipeline): EngineTokenizer {
  const tokenizer = translator.tokenizer;
  const wordCache = new Map<string, number>();
  const special = new Set(tokenizer.all_special_ids);
  let pieces: (string | null)[] | null = null;
  const pieceTable = () => {
    if (!pieces) {
      pieces = [];
      for (const [piece, id] of tokenizer.get_vocab()) pieces[id] = special.has(id) ? null : piece;
    }
    return pieces;
  };
  const starting = new Map<string, ReadonlySet<number>>();
  return {
    encode: (text) => tokenizer.encode(text),
    encodePlain: (text) => (text.trim() ? tokenizer.encode(text, { add_special_tokens: false }) : []),
    decode: (ids) => (ids.length > 0 ? tokenizer.decode(ids as number[], { skip_special_tokens: true }) : ''),
    piece: (id) => pieceTable()[id] ?? null,
    consistentWith(text) {
      let ids = starting.get(text);
      if (!ids) {
        ids = new Set(
          pieceTable().flatMap((piece, id) =>
            piece && (piece.startsWith(text) || text.startsWith(piece)) ? [id] : [],
          ),
        );
        if (starting.size > 200) starting.clear();
        starting.set(text, ids);
      }
      return ids;
    },
    tokensOfWord(word) {
      let n = wordCache.get(word);
      if (n === undefined) {
        n = tokenizer.encode(word, { add_special_tokens: false }).length;
        if (wordCache.size > 50_000) wordCache.clear();
        wordCache.set(word, n);
      }
      return n;
    },
  };
}

/**
 * The engine on a loaded transformers.js translation pipeline: its sessions, tokenizer and generation config;
 * `projection`, the output layer in our kernel where the decoder was cut for it.
 */
export function engineFor(
  translator: TranslationPipeline,
  quality: Quality,
  options: Omit<EngineOptions, 'beams' | 'alternatives'>,
  projection: KernelProjection | null = null,
): TranslationEngine {
  const { rules, beams } = generationRules(
    (translator.model as unknown as { generation_config: GenerationConfigFields }).generation_config ?? {},
  );
  const alternatives = {
    numBeams: Math.max(ALTERNATIVE_BEAMS, beams?.numBeams ?? 1),
    lengthPenalty: beams?.lengthPenalty ?? 1,
    earlyStopping: beams?.earlyStopping ?? false,
  };
  return new TranslationEngine(
    new MarianSessions(translator as never, projection),
    engineTokenizer(translator),
    rules,
    {
      ...options,
      beams: quality === 'best' ? beams : null,
      alternatives,
    },
  );
}
