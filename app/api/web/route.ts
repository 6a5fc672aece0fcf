import 'server-only';
import { z } from 'zod';
import { clientAddress } from '@/lib/web-import/client-address';
import { isWebImportError, WebImportError } from '@/lib/web-import/errors';
import { RateLimit } from '@/lib/web-import/rate-limit';
import { readFeed, readPage, webImportEnabled } from '@/lib/web-import/read';

/**
 * The only place the app's server reads the web for a reader: the address of a page or a feed comes in,
 * its article or items go out. Nothing is stored or logged here; the text is kept in the reader's browser.
 */
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

// Per client and minute; WEB_IMPORT_PER_MINUTE changes it (the browser tests, all one client, raise it).
const limit = new RateLimit(Number(process.env.WEB_IMPORT_PER_MINUTE) || 30);
const Request = z.object({ kind: z.enum(['page', 'feed']), url: z.string().max(2048) });

let warned = false;
/**
 * Run by plain `next start`, the server does not know who its peer is: then every reader shares one bucket
 * (never a header the client wrote). `npm start` runs scripts/serve.mjs, which knows.
 */
function unknownPeer() {
  if (!warned)
    console.warn(
      'web import: the peer address is unknown (serve with `npm start`, scripts/serve.mjs); all readers share one rate limit',
    );
  warned = true;
  return 'unknown';
}

const refuse = (error: WebImportError, status: number) =>
  Response.json({ error: error.code, detail: error.detail }, { status, headers: { 'cache-control': 'no-store' } });

export async function POST(request: Request) {
  if (!webImportEnabled()) return refuse(new WebImportError('disabled'), 404);
  if (!limit.take(clientAddress(request.headers) ?? unknownPeer()))
    return refuse(new WebImportError('rateLimited'), 429);
  const body = Request.safeParse(await request.json().catch(() => null));
  if (!body.success) return refuse(new WebImportError('invalid'), 400);
  try {
    const result =
      body.data.kind === 'page' ? { article: await readPage(body.data.url) } : { feed: await readFeed(body.data.url) };
    return Response.json(result, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    if (isWebImportError(err)) return refuse(err, 422);
    return refuse(new WebImportError('unreachable', { host: '' }), 502);
  }
}
