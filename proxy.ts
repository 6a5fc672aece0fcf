import createMiddleware from 'next-intl/middleware';
import { routing } from './lib/i18n/routing';

// `/` goes to /nl or /en by the browser's Accept-Language (Dutch otherwise).
export default createMiddleware(routing);

export const config = {
  // Everything but Next's internals and files with an extension (fonts, ORT's .wasm, model files).
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
