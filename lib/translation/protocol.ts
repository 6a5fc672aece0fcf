/**
 * The typed protocol between the reader (main thread) and the translation worker.
 * Types and constants only. Every request carries an id; every response names
 * the request it answers. The library's own progress events never cross this
 * boundary raw: the worker wraps them in `download` messages.
 */
import type { EngineConfig, ResolvedDevice } from './config';

export interface SentenceTranslation {
  /** The Dutch sentence as it appears in the paragraph. */
  source: string;
  /** Offsets of `source` in the paragraph text, for sentence alignment. */
  start: number;
  end: number;
  /** Its English translation (long sentences are translated in chunks and joined). */
  target: string;
}

export interface ParagraphTranslation {
  text: string;
  sentences: SentenceTranslation[];
  /** Source tokens fed to the model and target tokens it produced, for speed figures. */
  inputTokens: number;
  outputTokens: number;
  ms: number;
}

export type ErrorCode =
  | 'offline' // the network is unreachable
  | 'not-found' // a model file answered 404
  | 'blocked' // a download was refused (CORS, blocked, HTTP error)
  | 'load' // the files arrived but the model would not start
  | 'translate' // this paragraph failed; others may not
  | 'cancelled'
  | 'crashed'; // the worker died (only ever produced on the main thread)

export interface EngineError {
  code: ErrorCode;
  message: string;
}

export type WorkerRequest =
  | { type: 'load'; id: number; config: EngineConfig }
  | { type: 'translate'; id: number; text: string }
  | { type: 'cancel'; id: number; target: number };

export type WorkerResponse =
  /** A model file being fetched from the network (never sent for files read from the browser cache). */
  | { type: 'download'; id: number; file: string; loaded: number; total: number; done: boolean }
  | { type: 'ready'; id: number; device: ResolvedDevice; threads: number; crossOriginIsolated: boolean }
  /** Streaming: the paragraph's English so far. */
  | { type: 'partial'; id: number; text: string }
  | { type: 'result'; id: number; result: ParagraphTranslation }
  | { type: 'error'; id: number; error: EngineError };

export type WorkerResponseType = WorkerResponse['type'];
