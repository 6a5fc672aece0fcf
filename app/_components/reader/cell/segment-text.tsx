import { pieces, type AlignedSpan } from '@/lib/alignment/align';
import type { ReactNode } from 'react';
import type { Segment } from '@/lib/content/types';
import type { TermMark } from '@/lib/article/term-marks';

const BASE = 'font-serif text-[1.0625rem] leading-[1.7] sm:text-lg sm:leading-[1.75]';

/**
 * The text, with each aligned sentence in its own span. Sentences take focus only from script
 * (tabIndex -1: the arrow keys move through them), so Tab still goes from control to control.
 */
function Sentences({
  text,
  spans,
  remembered,
  rememberedLabel,
  doubts,
  doubtLabel,
  terms,
}: { text: string; spans?: readonly AlignedSpan[] | null } & Memory & Doubts & Terms) {
  return pieces(text, spans ?? null).map((piece, i) => {
    if (piece.index === null) return piece.text;
    const words = doubts?.get(piece.index);
    const marked = terms?.marks.get(piece.index);
    const memory = remembered?.has(piece.index);
    return (
      <span
        key={i}
        data-s={piece.index}
        tabIndex={-1}
        className="sentence"
        data-memory={memory ? '' : undefined}
        title={memory ? rememberedLabel : undefined}
        data-doubtful={words ? '' : undefined}
      >
        {marked && terms ? (
          <TermWords text={piece.text} marks={marked} terms={terms} sentence={piece.index} />
        ) : words && doubtLabel ? (
          <DoubtfulWords text={piece.text} words={words} label={doubtLabel} />
        ) : (
          piece.text
        )}
      </span>
    );
  });
}

/** A sentence with its doubtful words underlined, each saying why in its title. */
function DoubtfulWords({
  text,
  words,
  label,
}: {
  text: string;
  words: readonly (readonly [number, number, number])[];
  label: (p: number) => string;
}) {
  const out: ReactNode[] = [];
  let at = 0;
  for (const [start, end, p] of words) {
    if (start < at || end > text.length) continue;
    out.push(text.slice(at, start));
    out.push(
      <span key={start} className="doubt" data-doubt="" title={label(p)}>
        {text.slice(start, end)}
      </span>,
    );
    at = end;
  }
  out.push(text.slice(at));
  return out;
}

/**
 * A sentence with the glossary terms the model was made to use marked. Each mark is focusable and shows its
 * entry on hover and focus; screen readers hear the entry as the mark's description (an element outside the
 * sentence, so the sentence's own text stays the English).
 */
function TermWords({
  text,
  marks,
  terms,
  sentence,
}: {
  text: string;
  marks: readonly TermMark[];
  terms: NonNullable<Terms['terms']>;
  sentence: number;
}) {
  const out: ReactNode[] = [];
  let at = 0;
  marks.forEach((m, k) => {
    if (m.start < at || m.end > text.length) return;
    out.push(text.slice(at, m.start));
    out.push(
      <mark
        key={m.start}
        className="term"
        data-term=""
        tabIndex={0}
        data-entry={terms.label(m)}
        aria-describedby={terms.describedBy(sentence, k)}
      >
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  });
  out.push(text.slice(at));
  return out;
}

interface Terms {
  /** Glossary terms placed by the model, by sentence index, with the words that describe each mark. */
  terms?: {
    marks: ReadonlyMap<number, readonly TermMark[]>;
    label: (m: TermMark) => string;
    /** The id of the element that describes mark `k` of sentence `sentence`. */
    describedBy: (sentence: number, k: number) => string;
  };
}

interface Memory {
  /** Sentences (by index) shown from the reader's translation memory, marked as such. */
  remembered?: ReadonlySet<number>;
  rememberedLabel?: string;
}

interface Doubts {
  /** Doubtful words by sentence index: [start, end, p] in the sentence's text. */
  doubts?: ReadonlyMap<number, readonly (readonly [number, number, number])[]>;
  doubtLabel?: (p: number) => string;
}

/** One side of a pair, rendered as what the segment is: heading, paragraph, or part of an aside. */
export function SegmentText({
  segment,
  text,
  lang,
  spans,
  quickOpen,
  remembered,
  rememberedLabel,
  doubts,
  doubtLabel,
  terms,
}: Memory &
  Doubts &
  Terms & {
    segment: Segment;
    text: string;
    lang: 'nl' | 'en';
    spans?: readonly AlignedSpan[] | null;
    /** An empty slot, typeset like the text, that the quick-open script fills with the stored English (lib/quick-open/). */
    quickOpen?: string;
  }) {
  // React leaves a dangerouslySetInnerHTML element's content alone while hydrating: the script's text stays.
  const slot =
    quickOpen === undefined
      ? null
      : { 'data-quick-open': quickOpen, dangerouslySetInnerHTML: { __html: '' }, suppressHydrationWarning: true };
  const content = slot ? undefined : (
    <Sentences
      text={text}
      spans={spans}
      remembered={remembered}
      rememberedLabel={rememberedLabel}
      doubts={doubts}
      doubtLabel={doubtLabel}
      terms={terms}
    />
  );
  switch (segment.kind) {
    case 'heading': {
      const Tag = `h${segment.level ?? 2}` as 'h2' | 'h3' | 'h4';
      return (
        <Tag
          lang={lang}
          data-align=""
          className="pt-4 font-serif text-2xl font-semibold leading-snug tracking-tight"
          {...slot}
        >
          {content}
        </Tag>
      );
    }
    case 'aside-label':
      return (
        <p
          lang={lang}
          data-align=""
          className="text-xs font-semibold uppercase tracking-[0.14em] text-accent"
          {...slot}
        >
          {content}
        </p>
      );
    case 'aside-title':
      return (
        <h3 lang={lang} data-align="" className="font-serif text-lg font-semibold leading-snug" {...slot}>
          {segment.href && content ? (
            <a href={segment.href} className="underline decoration-rule underline-offset-4 hover:decoration-current">
              {content}
            </a>
          ) : (
            content
          )}
        </h3>
      );
    case 'aside-paragraph':
      return (
        <p lang={lang} data-align="" className="font-serif text-base leading-relaxed" {...slot}>
          {content}
        </p>
      );
    case 'paragraph':
      return (
        <p lang={lang} data-align="" className={BASE} {...slot}>
          {content}
        </p>
      );
    default: {
      const unreachable: never = segment.kind;
      return unreachable;
    }
  }
}
