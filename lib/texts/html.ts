/**
 * An HTML file → its readable text as headings and paragraphs, in document order. The document comes from
 * DOMParser, which never runs scripts or loads anything; we walk it and keep the text of everything but
 * scripts, styles, navigation, forms and footers. Every block boundary (a <p>, a <div>, an <li>, a <br>, a
 * table cell) ends a paragraph, so neither text beside a block nor two blocks' text is lost or glued together.
 */

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'CANVAS',
  'NAV',
  'FOOTER',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'HEAD',
]);
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'MENU',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
const HEADING = /^H[1-6]$/;
// DOM node types, by number: a parsed document in Node (tests) has no global `Node`.
const ELEMENT = 1;
const TEXT = 3;

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface HtmlText {
  title: string | null;
  paragraphs: { heading: boolean; text: string }[];
}

/** Returns the document's <title> and its prose as headings and paragraphs, in reading order. */
export function htmlToText(doc: Document): HtmlText {
  // Like a browser's reader mode: the page's main content when it marks one, else the whole body.
  const root = doc.querySelector('main') ?? doc.querySelector('article') ?? doc.body ?? doc.documentElement;
  const paragraphs: HtmlText['paragraphs'] = [];
  let buffer = '';
  let sawBlock = false;

  const flush = (heading: boolean) => {
    const text = clean(buffer);
    buffer = '';
    if (text) paragraphs.push({ heading, text });
  };
  const walk = (node: Node, heading: boolean) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT) {
        buffer += child.nodeValue ?? '';
        continue;
      }
      if (child.nodeType !== ELEMENT) continue;
      const tag = (child as Element).tagName.toUpperCase();
      if (SKIP.has(tag)) continue;
      if (!BLOCKS.has(tag)) {
        walk(child, heading);
        continue;
      }
      sawBlock = true;
      // Text before the block belongs to the enclosing one; the block's own text is a paragraph of its own.
      flush(heading);
      const inner = heading || HEADING.test(tag);
      walk(child, inner);
      flush(inner);
    }
  };
  walk(root, false);
  flush(false);

  if (!sawBlock) {
    // No structure at all (a text file saved as .html): blank lines separate paragraphs, as in a .txt file.
    const raw = (root.textContent ?? '')
      .split(/\n\s*\n/)
      .map(clean)
      .filter(Boolean);
    paragraphs.splice(0, paragraphs.length, ...raw.map((text) => ({ heading: false, text })));
  }
  return { title: clean(doc.title || '') || null, paragraphs };
}
