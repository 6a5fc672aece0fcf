import { configFromEnv } from '@/lib/engine/shared/config';

// Read at request time: a self-hoster changes TRANSLATION_* and restarts, no rebuild needed.
export const dynamic = 'force-dynamic';

export function GET() {
  try {
    return Response.json(configFromEnv(process.env), { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    return Response.json({ error: err instanceof Error ? err.message : String(err) }, { status: 500 });
  }
}
