/**
 * Readability off the request thread. Its cost grows far faster than a page (nested <div>s ×2,000, 22 kB, took
 * 18 s on the server's one thread, and no other request was answered meanwhile), so each extraction runs in a
 * worker thread of its own: the page is measured first (elements, nesting depth) and refused if past the caps,
 * the worker is ended at the time limit, and at most `concurrency` run at once, a few more waiting their turn.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { WebImportError } from './errors';

export const EXTRACT_LIMITS = { maxElements: 40_000, maxDepth: 200, timeoutMs: 5_000, concurrency: 2, waiting: 8 };

export interface ExtractOptions {
  maxElements?: number;
  maxDepth?: number;
  timeoutMs?: number;
}

export interface Extracted {
  declared: string | null;
  published: string | null;
  article: {
    title: string;
    byline: string | null;
    siteName: string | null;
    publishedTime: string | null;
    content: string;
    textContent: string;
  } | null;
}

type Reply = ({ ok: true } & Extracted) | { ok: false; code: 'tooComplex'; elements: number; depth: number };

// Started from disk, never bundled (Next bundles the route, not this file): the repository's own copy, next to
// this module in the source tree, found from where the server runs (`next start` runs in the project's root).
const WORKER = path.join(process.cwd(), 'lib', 'web-import', 'extract-worker.mjs');

let running = 0;
const queue: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= EXTRACT_LIMITS.concurrency) {
    if (queue.length >= EXTRACT_LIMITS.waiting) throw new WebImportError('busy');
    await new Promise<void>((resolve) => queue.push(resolve));
  }
  running++;
  return () => {
    running--;
    queue.shift()?.();
  };
}

/** The page's article as Readability finds it, in a worker thread; refuses a page too complex to read here. */
export async function extractInWorker(html: string, url: string, options: ExtractOptions = {}): Promise<Extracted> {
  const {
    maxElements = EXTRACT_LIMITS.maxElements,
    maxDepth = EXTRACT_LIMITS.maxDepth,
    timeoutMs = EXTRACT_LIMITS.timeoutMs,
  } = options;
  const release = await slot();
  try {
    return await new Promise<Extracted>((resolve, reject) => {
      const worker = new Worker(WORKER, {
        workerData: { html, url, maxElements, maxDepth },
        resourceLimits: { maxOldGenerationSizeMb: 512 },
      });
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(new WebImportError('tooComplex'));
      }, timeoutMs);
      worker.once('message', (reply: Reply) => {
        clearTimeout(timer);
        void worker.terminate();
        if (reply.ok) resolve({ declared: reply.declared, published: reply.published, article: reply.article });
        else reject(new WebImportError('tooComplex'));
      });
      worker.once('error', () => {
        clearTimeout(timer);
        reject(new WebImportError('tooComplex')); // out of memory, or the parser gave up
      });
      // Ended without a word (its heap limit, say): refused, never left pending. A settled promise ignores this.
      worker.once('exit', () => {
        clearTimeout(timer);
        reject(new WebImportError('tooComplex'));
      });
    });
  } finally {
    release();
  }
}
