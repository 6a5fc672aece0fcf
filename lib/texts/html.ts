/**
 * An HTML file → readable text as Markdown-like paragraphs. The document comes
 * from DOMParser, which never runs scripts or loads anything; we then keep only
 * text from elements that carry prose, never scripts, styles or navigation.
 */

const SKIP = 'script, style, noscript, template, iframe, object, embed, svg, math, canvas, nav, footer, form, button, select, textarea, head';
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, dt, dd, td, th';

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Returns the document's <title> and its prose as headings and paragraphs, in reading order. */
export function htmlToText(doc: Document): { title: string | null; paragraphs: { heading: boolean; text: string }[] } {
  // Like a browser's reader mode: the page's main content when it marks one, else the whole body.
  const body = doc.querySelector('main') ?? doc.querySelector('article') ?? doc.body ?? doc.documentElement;
  for (const el of Array.from(body.querySelectorAll(SKIP))) el.remove();

  const title = clean(doc.title || '') || null;
  const paragraphs: { heading: boolean; text: string }[] = [];
  const blocks = Array.from(body.querySelectorAll<HTMLElement>(BLOCKS));
  for (const el of blocks) {
    // Only the innermost prose element: an <li> holding a <p> gives its text once.
    if (el.querySelector(BLOCKS)) continue;
    const text = clean(el.textContent ?? '');
    if (!text) continue;
    paragraphs.push({ heading: /^H[1-6]$/.test(el.tagName), text });
  }
  if (paragraphs.length === 0) {
    // No structure (a bare body of text): blank lines separate paragraphs, as in a .txt file.
    const raw = (body.textContent ?? '').split(/\n\s*\n/).map(clean).filter(Boolean);
    paragraphs.push(...raw.map((text) => ({ heading: false, text })));
  }
  return { title, paragraphs };
}
