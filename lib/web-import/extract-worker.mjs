// Runs in a worker thread (lib/web-import/extract-pool.ts): parses a page and finds its article, so that a page
// that makes Readability slow costs only this thread, which is ended at the time limit. Plain JavaScript: it is
// started from disk, not bundled. What it posts back is plain data.
import { parentPort, workerData } from 'node:worker_threads';
import readability from '@mozilla/readability';
import { parseHTML } from 'linkedom';

const { html, url, maxElements, maxDepth } = workerData;

/** Counts elements and the deepest nesting, stopping as soon as either limit is passed. */
function measure(root) {
  let elements = 0;
  let depth = 0;
  const stack = root ? [[root, 1]] : [];
  while (stack.length > 0) {
    const [el, d] = stack.pop();
    elements++;
    if (d > depth) depth = d;
    if (elements > maxElements || depth > maxDepth) return { elements, depth, over: true };
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) stack.push([child, d + 1]);
  }
  return { elements, depth, over: false };
}

const { document } = parseHTML(html);
const size = measure(document.documentElement);
if (size.over) {
  parentPort.postMessage({ ok: false, code: 'tooComplex', elements: size.elements, depth: size.depth });
} else {
  const declared = document.documentElement?.getAttribute('lang') ?? null;
  const published =
    document.querySelector('meta[property="article:published_time"]')?.getAttribute('content') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  // Readability reads documentURI/baseURI to make links absolute; linkedom's document has neither set.
  Object.defineProperty(document, 'documentURI', { value: url });
  Object.defineProperty(document, 'baseURI', { value: url });
  const article = new readability.Readability(document, { charThreshold: 200 }).parse();
  parentPort.postMessage({
    ok: true,
    declared,
    published,
    article: article && {
      title: article.title ?? '',
      byline: article.byline ?? null,
      siteName: article.siteName ?? null,
      publishedTime: article.publishedTime ?? null,
      content: article.content ?? '',
      textContent: article.textContent ?? '',
    },
  });
}
