import { QUICK_OPEN_BUNDLE } from './inline.generated';
import type { QuickOpenArgs } from './inline-entry';

/**
 * The article's inline script (inline-entry.ts, bundled): paints its quick-open copy as the paragraphs
 * arrive, starts the settings request, and paints from IndexedDB what the copy did not have.
 */
export function quickOpenScript(hashes: readonly string[], article: string): string {
  const args: QuickOpenArgs = { article, hashes: [...new Set(hashes)] };
  const json = JSON.stringify(args).replace(/</g, '\\u003c'); // never a `</script>` inside, whatever an article is called
  // In a function: the bundle's variable stays out of the page's globals.
  return `(function(){${QUICK_OPEN_BUNDLE};__quickOpen.quickOpen(${json})})()`;
}
