import type { BrowserContext, Route } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const MODEL_DIR = path.join(process.cwd(), 'tests/model/tiny-marian-nl-en');
export const HUB_MODEL = 'https://huggingface.co/Xenova/opus-mt-nl-en/resolve/main/';

/**
 * Answers like the Hub does: the test model's bytes at Xenova/opus-mt-nl-en's URLs, with CORS
 * headers and Range support (transformers.js probes sizes with `Range: bytes=0-0`).
 */
export async function fulfillFromTestModel(route: Route, file: string) {
  const full = path.join(MODEL_DIR, file);
  let size: number;
  try {
    size = statSync(full).size;
  } catch {
    return route.fulfill({ status: 404, body: 'Entry not found', headers: { 'access-control-allow-origin': '*' } });
  }
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'Content-Length, Content-Range, ETag',
    'content-type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream',
  };
  const range = /bytes=(\d+)-(\d+)/.exec(route.request().headers()['range'] ?? '');
  const body = readFileSync(full);
  if (range) {
    const [start, end] = [Number(range[1]), Math.min(Number(range[2]), size - 1)];
    return route.fulfill({
      status: 206,
      body: body.subarray(start, end + 1),
      headers: { ...cors, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(end - start + 1) },
    });
  }
  return route.fulfill({ status: 200, body, headers: { ...cors, 'content-length': String(size) } });
}

/** Serves the test model at the Hub's URLs for this context. */
export async function serveTestModelAsHub(context: BrowserContext) {
  await context.route(`${HUB_MODEL}**`, (route) => fulfillFromTestModel(route, new URL(route.request().url()).pathname.split('/resolve/main/')[1] ?? ''));
}

/** Every request a context makes (pages and their workers), for origin checks. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}
