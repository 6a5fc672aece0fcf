import { NextResponse, type NextRequest } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { routing } from './lib/i18n/routing';
import { securityHeaders } from './lib/security/headers';
import { KEY_COOKIE } from './lib/quick-open/cookie';
import { configFromEnv, translationCacheKey, type EngineConfig } from './lib/engine/shared/config';

// `/` goes to /nl or /en by the browser's Accept-Language (Dutch otherwise).
const intl = createMiddleware(routing);

/** Pages: everything but Next's internals, the API and files with an extension (fonts, ORT's .wasm, model files). */
const isPage = (pathname: string) => !/^\/(api|_next|_vercel)(\/|$)/.test(pathname) && !/\.[^/]*$/.test(pathname);

/** Runs for every response of the origin (pages, scripts, the worker, the runtime and model files, the API). */
export default function proxy(request: NextRequest) {
  let config: EngineConfig | null = null;
  try {
    config = configFromEnv(process.env); // read at request time, like /api/translation-config
  } catch {
    // invalid settings: the app reports them; the policy then allows this origin only
  }
  const page = isPage(request.nextUrl.pathname);
  const response = page ? intl(request) : NextResponse.next();
  if (page) {
    // Each page carries the current settings' cache key, so the page's inline script can tell synchronously
    // whether a stored copy of its English was made under these settings (lib/quick-open/). Not a
    // secret: the same settings the API serves.
    const key = config ? translationCacheKey(config) : null;
    if (!key) response.cookies.delete(KEY_COOKIE);
    else if (request.cookies.get(KEY_COOKIE)?.value !== key)
      response.cookies.set(KEY_COOKIE, key, { path: '/', sameSite: 'lax' });
  }
  for (const [name, value] of securityHeaders(config)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: '/:path*',
};
