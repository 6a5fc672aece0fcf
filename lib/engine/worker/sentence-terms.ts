/**
 * A reader's glossary in a sentence's decoding: the terms its Dutch contains become phrases its English must
 * contain (constrained beam search, constrained-beams.ts). With the model's beams ('best' mode) the search keeps
 * its settings; greedy ('fast') mode has no beam to share between the terms and the rest of the sentence, so a
 * sentence with a term is searched with the smallest beam, two, and the model's length penalty.
 */
import type { SentenceTranslation } from '../shared/protocol';
import { termsIn, termSignature, type GlossaryTerm, type PlacedTerm } from '../shared/terms';
import { distinctPhrases } from './constraints';
import type { SentenceResult } from './batch-decoder';
import type { BeamSettings } from './decoding';
import type { EngineTokenizer } from './tokenizer';

export const FAST_CONSTRAINED_BEAMS = 2;

export interface SentenceTerms {
  /** The terms found, in order: what the sentence reports, placed or not. */
  found: { source: string; target: string }[];
  /** Decoder token phrases, each once (null: no term, decode as usual). */
  constraints: number[][] | null;
  beams: BeamSettings | null;
}

export function sentenceTerms(
  text: string,
  terms: readonly GlossaryTerm[],
  tokenizer: EngineTokenizer,
  beams: BeamSettings | null,
  model: BeamSettings | undefined,
): SentenceTerms {
  const matches = termsIn(text, terms).filter((m) => m.term.target.trim());
  if (matches.length === 0) return { found: [], constraints: null, beams };
  const found = matches.map((m) => ({ source: text.slice(m.start, m.end), target: m.term.target.trim() }));
  const constraints = distinctPhrases(found.map((f) => tokenizer.encodePlain(f.target)));
  const settings = beams ?? {
    numBeams: FAST_CONSTRAINED_BEAMS,
    lengthPenalty: model?.lengthPenalty ?? 1,
    earlyStopping: model?.earlyStopping ?? false,
  };
  return { found, constraints, beams: settings };
}

/** What a sentence reports of its terms: each placed when its decoding met the constraints. */
export function placedTerms(found: SentenceTerms['found'], placed: boolean): PlacedTerm[] {
  return found.map((f) => ({ ...f, placed }));
}

/**
 * An earlier translation of this sentence that can stand (the same Dutch, asked to hold the same English terms,
 * under the same settings): decoding it again would give the same English, so it is not decoded.
 */
export function reusable(
  text: string,
  terms: readonly GlossaryTerm[],
  earlier: readonly SentenceTranslation[] | undefined,
): SentenceTranslation | null {
  if (!earlier?.length) return null;
  const needs = termSignature(termsIn(text, terms).map((m) => m.term.target));
  return (
    earlier.find(
      (s) => s.source === text && s.tokens && termSignature(s.terms?.map((t) => t.target) ?? []) === needs,
    ) ?? null
  );
}

/** The model's own English of this sentence from an earlier translation without terms, as a decoding result. */
export function ownEnglish(text: string, earlier: readonly SentenceTranslation[] | undefined): SentenceResult | null {
  const own = earlier?.find((s) => s.source === text && !s.terms?.length && s.tokens && s.logprobs);
  if (!own) return null;
  const hypothesis = { tokens: own.tokens!, logprobs: own.logprobs!, score: own.logprobs!.reduce((a, b) => a + b, 0) };
  return { ...hypothesis, nbest: [hypothesis] };
}
