import type { Segment } from '@/lib/content/types';

const BASE = 'font-serif text-[1.0625rem] leading-[1.7] sm:text-lg sm:leading-[1.75]';

/** One side of a pair, rendered as what the segment is: heading, paragraph, or part of an aside. */
export function SegmentText({ segment, text, lang }: { segment: Segment; text: string; lang: 'nl' | 'en' }) {
  switch (segment.kind) {
    case 'heading': {
      const Tag = `h${segment.level ?? 2}` as 'h2' | 'h3' | 'h4';
      return (
        <Tag lang={lang} className="pt-4 font-serif text-2xl font-semibold leading-snug tracking-tight">
          {text}
        </Tag>
      );
    }
    case 'aside-label':
      return (
        <p lang={lang} className="text-xs font-semibold uppercase tracking-[0.14em] text-accent">
          {text}
        </p>
      );
    case 'aside-title':
      return (
        <h3 lang={lang} className="font-serif text-lg font-semibold leading-snug">
          {segment.href ? (
            <a href={segment.href} className="underline decoration-rule underline-offset-4 hover:decoration-current">
              {text}
            </a>
          ) : (
            text
          )}
        </h3>
      );
    case 'aside-paragraph':
      return (
        <p lang={lang} className="font-serif text-base leading-relaxed">
          {text}
        </p>
      );
    case 'paragraph':
      return (
        <p lang={lang} className={BASE}>
          {text}
        </p>
      );
    default: {
      const unreachable: never = segment.kind;
      return unreachable;
    }
  }
}
