import type { Blockquote, Heading, Paragraph, PhrasingContent, Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { SegmentKind } from '@/lib/content/types';

export interface BilingualItem {
  kind: SegmentKind;
  nl: string;
  en: string;
}

/** A text as phrasing content: its line breaks (a reader's correction keeps them) as hard breaks. */
function phrasing(text: string): PhrasingContent[] {
  return text
    .split('\n')
    .flatMap((line, i): PhrasingContent[] =>
      i === 0 ? [{ type: 'text', value: line }] : [{ type: 'break' }, { type: 'text', value: line }],
    );
}

const heading = (depth: 1 | 2 | 3, text: string): Heading => ({ type: 'heading', depth, children: phrasing(text) });
const paragraph = (text: string): Paragraph => ({ type: 'paragraph', children: phrasing(text) });
const quote = (text: string): Blockquote => ({ type: 'blockquote', children: [paragraph(text || '—')] });

/**
 * One article, Dutch and English: each Dutch block followed by its English as a quote. Built as a Markdown
 * tree and serialized by mdast-util-to-markdown, which escapes whatever would change the text's meaning (a
 * correction starting with "- ", "1. ", "#" or ">", emphasis marks, brackets, backticks, backslashes), so
 * the rendered file shows exactly the texts.
 */
export function bilingualMarkdown(title: string, items: BilingualItem[], note?: string): string {
  const tree: Root = { type: 'root', children: [heading(1, title)] };
  // Said in the file itself (paragraphs not yet translated, say), so it travels with it.
  if (note)
    tree.children.push({
      type: 'paragraph',
      children: [{ type: 'emphasis', children: [{ type: 'text', value: note }] }],
    });
  for (const { kind, nl, en } of items) {
    tree.children.push(
      kind === 'heading' ? heading(2, nl) : kind === 'aside-title' ? heading(3, nl) : paragraph(nl),
      quote(en),
    );
  }
  return toMarkdown(tree, { bullet: '-', emphasis: '_', strong: '*', rule: '-' });
}
