import { KEY_COOKIE, readCookie } from './cookie';
import { COPY_PREFIX, STAMP_KEY, type Copy } from './copy';

/** The page as much as painting needs of it (a real document, or a test's stand-in). */
export interface ParsingPage {
  cookie: string;
  readonly readyState: string;
  querySelectorAll(
    selector: string,
  ): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
  addEventListener(type: 'DOMContentLoaded', listener: () => void, options: { once: true }): void;
}

type Observer = new (callback: () => void) => {
  observe(target: never, options: MutationObserverInit): void;
  disconnect(): void;
};

/**
 * Paints an article's quick-open copy into the server-rendered `[data-quick-open]` slots, synchronously, as
 * the parser adds them: run from the inline script at the top of the article, before its paragraphs have
 * arrived, it fills each slot in the same task that parsed it, so the browser never paints a paragraph's
 * Dutch without its English. Returns the number painted so far (all of them when the page was already
 * parsed); `used.key` is told the settings key the copy was checked against, when one is painted.
 */
export function paintCopy(
  doc: ParsingPage,
  storage: Pick<Storage, 'getItem'> | null,
  Observer: Observer | undefined,
  article: string,
  used: { key?: string } = {},
): number {
  let painted = 0;
  try {
    const raw = storage?.getItem(COPY_PREFIX + article);
    if (!raw || !storage) return 0;
    const copy = JSON.parse(raw) as Partial<Copy>;
    const key = readCookie(doc.cookie, KEY_COOKIE);
    if (copy.v !== 1 || !key || copy.key !== key || (storage.getItem(STAMP_KEY) ?? '') !== copy.stamp) return 0;
    const texts = copy.texts ?? {};
    used.key = key;
    const fill = () => {
      for (const slot of Array.from(doc.querySelectorAll('[data-quick-open]:empty'))) {
        const hash = slot.getAttribute('data-quick-open') ?? '';
        const text = Object.prototype.hasOwnProperty.call(texts, hash) ? texts[hash] : null;
        if (typeof text === 'string' && text && !slot.textContent) {
          slot.textContent = text;
          painted++;
        }
      }
    };
    const done = () => typeof performance !== 'undefined' && performance.mark && performance.mark('quick-open:copy');
    fill();
    if (doc.readyState === 'loading' && Observer) {
      // Mutation callbacks run at the end of each parser task, before the browser may render.
      const observer = new Observer(fill);
      observer.observe(doc as never, { childList: true, subtree: true });
      doc.addEventListener(
        'DOMContentLoaded',
        () => {
          observer.disconnect();
          fill();
          done();
        },
        { once: true },
      );
    } else done();
    return painted;
  } catch {
    return painted;
  }
}
