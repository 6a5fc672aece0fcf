/**
 * Why the app's server would not read a web address. Each code is a localized message (WebImport.error.*);
 * the server answers with the code, never with a stack or the remote page's own error text.
 */
import { CodedErrorWithValues } from '@/lib/coded-error';
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

export class WebImportError extends CodedErrorWithValues<WebImportErrorCode> {
  override readonly name = 'WebImportError';
}

export const isWebImportError = (e: unknown): e is WebImportError => e instanceof WebImportError;
