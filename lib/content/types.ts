/** A unit of text the reader pairs with its translation: one row in the reader. */
export type SegmentKind = 'heading' | 'paragraph' | 'aside-label' | 'aside-title' | 'aside-paragraph';

export interface Segment {
  /** Stable: derived from the text, so caches and corrections can be keyed by content. */
  id: string;
  kind: SegmentKind;
  text: string;
  /** Heading level (2–4) for headings. */
  level?: number;
  /** Link target of a related-article title, when the source gives one. */
  href?: string;
}

export interface AsideBlock {
  kind: 'aside';
  id: string;
  items: Segment[];
}

export type Block = Segment | AsideBlock;

export interface ArticleMeta {
  slug: string;
  title: string;
  /** Null for plain-text articles, which carry no metadata. */
  source: string | null;
  /** ISO date (YYYY-MM-DD), or null. */
  published: string | null;
  url: string | null;
  format: 'md' | 'txt';
  paragraphCount: number;
  segmentCount: number;
}

export interface Article extends ArticleMeta {
  blocks: Block[];
}

export function isAside(block: Block): block is AsideBlock {
  return block.kind === 'aside';
}

/** Every segment in reading order, aside items included. */
export function segmentsOf(blocks: readonly Block[]): Segment[] {
  return blocks.flatMap((b) => (isAside(b) ? b.items : [b]));
}
