import type { NextRequest } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { routing } from './lib/i18n/routing';
import { KEY_COOKIE } from './lib/store/snapshot';
import { configFromEnv, translationCacheKey } from './lib/translation/config';

// `/` goes to /nl or /en by the browser's Accept-Language (Dutch otherwise).
const intl = createMiddleware(routing);

export default function proxy(request: NextRequest) {
  const response = intl(request);
  // Each page carries the current settings' cache key (read at request time, like /api/translation-config),
  // so the page's inline script can tell synchronously whether a stored copy of its English was made
  // under these settings (lib/store/snapshot.ts). Not a secret: the same settings the API serves.
  try {
    const key = translationCacheKey(configFromEnv(process.env));
    if (request.cookies.get(KEY_COOKIE)?.value !== key) response.cookies.set(KEY_COOKIE, key, { path: '/', sameSite: 'lax' });
  } catch {
    response.cookies.delete(KEY_COOKIE); // invalid settings: the app reports them; nothing may be trusted
  }
  return response;
}

export const config = {
  // Everything but Next's internals and files with an extension (fonts, ORT's .wasm, model files).
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
