import type { BlockContent, DefinitionContent, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { createIdAllocator, hashText } from './block-id';
import type { Block, Segment } from './types';

type Allocate = ReturnType<typeof createIdAllocator>;
type Node = RootContent | BlockContent | DefinitionContent | PhrasingContent;

/** Markdown body → reader blocks, through a real CommonMark/GFM parser (never regexes). */
export function markdownToBlocks(body: string): Block[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as Root;
  const allocate = createIdAllocator();
  const blocks: Block[] = [];
  for (const node of tree.children) blocks.push(...toBlocks(node, allocate));
  return blocks;
}

function toBlocks(node: Node, allocate: Allocate): Block[] {
  switch (node.type) {
    case 'heading': {
      const text = inlineText(node.children);
      return text ? [{ id: allocate(text), kind: 'heading', text, level: Math.min(4, Math.max(2, node.depth)) }] : [];
    }
    case 'paragraph': {
      const text = inlineText(node.children);
      return text ? [{ id: allocate(text), kind: 'paragraph', text }] : [];
    }
    case 'list':
      return node.children.flatMap((item) => item.children.flatMap((child) => toBlocks(child, allocate)));
    case 'code': {
      const text = node.value.trim();
      return text ? [{ id: allocate(text), kind: 'paragraph', text }] : [];
    }
    case 'blockquote':
      return asideFrom(node.children, allocate);
    // Raw HTML, images, rules and link definitions carry no readable prose; HTML is never rendered.
    default:
      return [];
  }
}

/**
 * A blockquote is a boxed aside such as "Lees ook:". Inside it, a paragraph that
 * is all bold is the box's label, a heading (or a paragraph that is one link) is
 * the related article's title, and other paragraphs are its teaser.
 */
function asideFrom(children: Node[], allocate: Allocate): Block[] {
  const items: Segment[] = [];
  for (const child of children) {
    if (child.type === 'heading') {
      const text = inlineText(child.children);
      if (text) items.push({ id: allocate(text), kind: 'aside-title', text });
    } else if (child.type === 'paragraph') {
      const text = inlineText(child.children);
      if (!text) continue;
      const only = child.children.length === 1 ? child.children[0] : undefined;
      if (only?.type === 'strong') items.push({ id: allocate(text), kind: 'aside-label', text });
      else if (only?.type === 'link') items.push({ id: allocate(text), kind: 'aside-title', text, href: only.url });
      else items.push({ id: allocate(text), kind: 'aside-paragraph', text });
    } else {
      for (const block of toBlocks(child, allocate)) {
        if (block.kind !== 'aside') items.push({ ...block, kind: 'aside-paragraph' });
      }
    }
  }
  if (items.length === 0) return [];
  return [{ kind: 'aside', id: `a-${hashText(items.map((i) => i.text).join('\n'))}`, items }];
}

/** Plain text of inline content: formatting dropped, line breaks and runs of spaces collapsed. */
function inlineText(nodes: PhrasingContent[]): string {
  const parts: string[] = [];
  const walk = (list: PhrasingContent[]) => {
    for (const n of list) {
      if (n.type === 'text' || n.type === 'inlineCode') parts.push(n.value);
      else if (n.type === 'break') parts.push(' ');
      else if ('children' in n) walk(n.children as PhrasingContent[]);
    }
  };
  walk(nodes);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
