/**
 * Why the app's server would not read a web address. Each code is a localized message (WebImport.error.*);
 * the server answers with the code, never with a stack or the remote page's own error text.
 */
import { CodedError } from '@/lib/coded-error';
export type WebImportErrorCode =
  | 'disabled'
  | 'invalid'
  | 'scheme'
  | 'credentials'
  | 'port'
  | 'private'
  | 'unresolved'
  | 'redirects'
  | 'tooLarge'
  | 'timeout'
  | 'type'
  | 'status'
  | 'unreachable'
  | 'notDutch'
  | 'noArticle'
  | 'notFeed'
  | 'rateLimited'
  | 'tooComplex'
  | 'busy'
  | 'offline';

export class WebImportError extends CodedError<WebImportErrorCode> {
  override readonly name = 'WebImportError';
  constructor(
    code: WebImportErrorCode,
    readonly detail: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export const isWebImportError = (e: unknown): e is WebImportError => e instanceof WebImportError;
