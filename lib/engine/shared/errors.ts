/**
 * Every way the engine fails, in one place: the codes the worker sends and the page words, the error thrown on
 * either side of the thread boundary, and how a failure is told apart (offline, missing, blocked, broken).
 */
import { CodedError } from '@/lib/coded-error';

export type ErrorCode =
  | 'offline' // the network is unreachable
  | 'not-found' // a model file answered 404
  | 'blocked' // a download was refused (CORS, blocked, HTTP error)
  | 'load' // the files arrived but the model would not start
  | 'translate' // this paragraph failed; others may not
  | 'cancelled'
  | 'crashed'; // the worker died (only ever produced on the main thread)

/** An engine failure as it crosses the thread boundary (structured-cloneable). */
export interface EngineError {
  code: ErrorCode;
  message: string;
  /** Where it failed in the worker, when it was an exception there (the page adds the caller's frames). */
  stack?: string;
}

/** Codes that mean the engine itself is down, not one paragraph: the queue stops and the reader may retry. */
const LOAD_ERRORS: ReadonlySet<ErrorCode> = new Set(['offline', 'not-found', 'blocked', 'load']);
export const isLoadError = (code: ErrorCode) => LOAD_ERRORS.has(code);

/** An engine failure as thrown: the client's rejections on the page, a cancelled job in the worker. */
export class EngineFailure extends CodedError<ErrorCode> {
  override readonly name = 'EngineFailure';
  constructor(readonly error: EngineError) {
    super(error.code, error.message);
  }
}

export const cancelled = () => new EngineFailure({ code: 'cancelled', message: 'cancelled' });

/**
 * Anything thrown, as an engine error. An abort is a cancellation; an error not of ours takes `fallback`:
 * 'load' where the engine was being started, 'translate' where one request ran.
 */
export function toEngineError(err: unknown, fallback: ErrorCode = 'load'): EngineError {
  if (err instanceof EngineFailure) return err.error;
  if (err instanceof DOMException && err.name === 'AbortError') return cancelled().error;
  if (err instanceof Error) return { code: fallback, message: err.message, ...(err.stack ? { stack: err.stack } : {}) };
  return { code: fallback, message: String(err) };
}

/** The last request for a model file that failed, as the worker's network log saw it. */
export interface FailedFetch {
  url: string;
  status?: number;
  /** No answer at all (offline, DNS, CORS, a blocker). */
  network?: boolean;
}

/** Why a model could not load, from the error, the last failed request and whether the browser is online. */
export function classifyLoadError(err: unknown, failure: FailedFetch | undefined, online: boolean): EngineError {
  const message = err instanceof Error ? err.message : String(err);
  if (!online) return { code: 'offline', message };
  if (failure?.status === 404) return { code: 'not-found', message: `${message} (${failure.url})` };
  if (failure?.network) return { code: 'blocked', message: `${message} (${failure.url})` };
  if (failure?.status) return { code: 'blocked', message: `HTTP ${failure.status} for ${failure.url}` };
  return { code: 'load', message };
}
