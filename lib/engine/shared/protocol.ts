/**
 * The typed protocol between the reader (main thread) and the translation worker.
 * Types and constants only. Every request carries an id; every response names
 * the request it answers. The library's own progress events never cross this
 * boundary raw: the worker wraps them in `download` messages.
 */
import type { EngineConfig, ResolvedDevice } from './config';
import type { EngineError } from './errors';
import type { GlossaryTerm, PlacedTerm } from './terms';

export type { EngineError, ErrorCode } from './errors';

/** How a Marian decoder file computes its output projection (lib/engine/model-files/projection.ts reads it). */
export type ProjectionKind =
  /** MatMul(x, Transpose(table [V, d])): optimum's export, fp32 or fp16. */
  | 'transposed-table'
  /** Transpose(table uint8) -> DequantizeLinear of the whole table -> float MatMul: quantize_dynamic's q8. */
  | 'dequantized-table'
  /** The Transpose (and q8's DequantizeLinear) once at the top level, read by each branch: the engine's load-time
   * rewrite, which ONNX Runtime folds into one float [d, V] table when the session is created. */
  | 'hoisted'
  /** A [d, V] table multiplied as it is (float, or MatMulInteger on int8): this project's own earlier layout. */
  | 'direct'
  | 'unknown';

/** What was done with a decoder's output projection at load (lib/engine/model-files/rewrite-projection.ts). */
export interface ProjectionRewrite {
  /**
   * What the engine did with the file: said in the console (debug) and on the model's line in the reader.
   * 'kernel': q8's product taken out of the file, multiplied by the engine's own kernel over the stored table.
   */
  path: 'rewritten' | 'kernel' | 'as-is';
  /** The structure found (projection.ts's kinds), or 'none' for a file without a projection (an encoder). */
  found: ProjectionKind | 'none';
  /** Why a file with a projection runs as it is. */
  reason?: string;
}

export interface SentenceTranslation {
  /** The Dutch sentence as it appears in the paragraph. */
  source: string;
  /** Offsets of `source` in the paragraph text, for sentence alignment. */
  start: number;
  end: number;
  /** Its English translation (long sentences are translated in chunks and joined). */
  target: string;
  /** The model's output tokens for it (its </s> included) and each one's log-probability. */
  tokens?: number[];
  logprobs?: number[];
  /** Each English word's offsets in `target` and the probability the model gave it (engine/words.ts). */
  words?: [start: number, end: number, p: number][];
  /**
   * The distinct texts of beam search's finished hypotheses, best first: with as many beams as alternatives
   * ask for (engine.ts), the translation's own search already is the alternatives' search.
   */
  alternatives?: string[];
  /** The reader's glossary terms found in this sentence, and whether the English could be made to use each. */
  terms?: PlacedTerm[];
}

/** Another translation of a sentence (or a gloss of a Dutch word or phrase), from beam search's n-best list. */
export interface Alternative {
  text: string;
  score: number;
}

export interface ParagraphTranslation {
  text: string;
  sentences: SentenceTranslation[];
  /** Source tokens fed to the model and target tokens it produced, for speed figures. */
  inputTokens: number;
  outputTokens: number;
  ms: number;
}

export type WorkerRequest =
  | { type: 'load'; id: number; config: EngineConfig }
  /**
   * `terms`: the reader's glossary entries that apply to this paragraph (the worker finds them per sentence);
   * `reuse`: its sentences as translated before under these settings (one that needs the same terms is kept).
   */
  | { type: 'translate'; id: number; text: string; terms?: GlossaryTerm[]; reuse?: SentenceTranslation[] }
  /** Other translations of one sentence, or of a Dutch word or phrase alone. */
  | { type: 'alternatives'; id: number; text: string }
  /** The rest of the English of `source` after what the reader typed. */
  | { type: 'complete'; id: number; source: string; typed: string }
  | { type: 'cancel'; id: number; target: number };

export type WorkerResponse =
  /** A model file being fetched from the network (never sent for files read from the browser cache). */
  | { type: 'download'; id: number; file: string; loaded: number; total: number; done: boolean }
  | {
      type: 'ready';
      id: number;
      device: ResolvedDevice;
      threads: number;
      crossOriginIsolated: boolean;
      projection: ProjectionRewrite | null;
    }
  /** Streaming: the paragraph's English so far. */
  | { type: 'partial'; id: number; text: string }
  | { type: 'result'; id: number; result: ParagraphTranslation }
  | { type: 'alternatives'; id: number; alternatives: Alternative[] }
  /** The whole English sentence as completed so far (`done`: finished). */
  | { type: 'completion'; id: number; sentence: string; done: boolean }
  | { type: 'error'; id: number; error: EngineError };

export type WorkerResponseType = WorkerResponse['type'];
