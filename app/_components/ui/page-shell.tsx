import type { ReactNode } from 'react';

const WIDTHS = {
  /** Forms and lists: the library, a new text. */
  text: 'mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-14',
  /** A narrower page of figures and buttons: Stored data. */
  narrow: 'mx-auto max-w-2xl px-4 py-10 sm:px-6 sm:py-14',
  /** An article in two columns. */
  article: 'mx-auto max-w-6xl px-4 pb-24 pt-8 sm:px-6 sm:pt-12',
} as const;

/** The frame every page's content sits in: one width per kind of page, the same margins everywhere. */
export function PageShell({
  width,
  as: Tag = 'div',
  children,
}: {
  width: keyof typeof WIDTHS;
  as?: 'div' | 'article';
  children: ReactNode;
}) {
  return <Tag className={WIDTHS[width]}>{children}</Tag>;
}
