import 'server-only';
import { z } from 'zod';
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

const refuse = (error: WebImportError, status: number) => Response.json({ error: error.code, detail: error.detail }, { status, headers: { 'cache-control': 'no-store' } });

export async function POST(request: Request) {
  if (!webImportEnabled()) return refuse(new WebImportError('disabled'), 404);
  // Behind a proxy the client is the first forwarded address; run without one, every reader shares a bucket.
  const client = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || 'direct';
  if (!limit.take(client)) return refuse(new WebImportError('rateLimited'), 429);
  const body = Request.safeParse(await request.json().catch(() => null));
  if (!body.success) return refuse(new WebImportError('invalid'), 400);
  try {
    const result = body.data.kind === 'page' ? { article: await readPage(body.data.url) } : { feed: await readFeed(body.data.url) };
    return Response.json(result, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    if (isWebImportError(err)) return refuse(err, 422);
    return refuse(new WebImportError('unreachable', { host: '' }), 502);
  }
}
