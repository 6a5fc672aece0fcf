/**
 * Paragraph → sentences. OPUS-MT models drop sentences from multi-sentence
 * input, so every paragraph is translated one sentence at a time.
 * Intl.Segmenter does the work; we only glue back the breaks it makes after
 * Dutch abbreviations and initials ("dhr. Jansen", "J. de Vries").
 */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

// Lowercased, without the final period. A break after one of these is not a sentence end.
const ABBREVIATIONS = new Set(
  [
    'o.a',
    'bijv',
    'bv',
    'b.v',
    'mr',
    'dhr',
    'mevr',
    'mw',
    'dr',
    'drs',
    'prof',
    'ir',
    'ing',
    'ds',
    'st',
    'e.a',
    'e.d',
    'enz',
    'etc',
    'ca',
    'd.w.z',
    'i.p.v',
    'm.b.t',
    't.o.v',
    'm.u.v',
    'z.g.a.n',
    'n.a.v',
    'i.v.m',
    'a.s',
    'jl',
    'nr',
    'blz',
    'pag',
    'vs',
    'resp',
    'incl',
    'excl',
    'evt',
    'bijz',
    'zgn',
    'max',
    'min',
    'ong',
    'jhr',
    'gem',
    'tel',
    'afd',
    'art',
    'lid',
    'jan',
    'feb',
    'mrt',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'okt',
    'nov',
    'dec',
    'm.i',
    'n.v.t',
    'o.i.d',
    'p.p',
    't.a.v',
    'v.d',
    'v',
    'mln',
    'mld',
    'mrd',
  ].map((a) => a.toLowerCase()),
);

const segmenters = new Map<string, Intl.Segmenter>();

function endsWithAbbreviation(sentence: string): boolean {
  const m = /(?:^|[\s(“‘"'])([\p{L}.]+)\.\s*$/u.exec(sentence);
  if (!m?.[1]) return false;
  const word = m[1];
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // A single-letter initial ("J.") or a dotted acronym ("o.i.", "N.A.V.O.").
  return /^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

/** `locale` is 'en' only to split a reader's corrected English for alignment; the abbreviations mostly hold there too. */
export function splitSentences(paragraph: string, locale: 'nl' | 'en' = 'nl'): SentenceSpan[] {
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' })));
  const spans: SentenceSpan[] = [];
  for (const { segment, index } of segmenter.segment(paragraph)) {
    const last = spans.at(-1);
    if (last && endsWithAbbreviation(paragraph.slice(last.start, last.end))) {
      last.end = index + segment.length;
    } else {
      spans.push({ text: '', start: index, end: index + segment.length });
    }
  }
  return spans
    .map((s) => {
      const raw = paragraph.slice(s.start, s.end);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      return { text, start: s.start + lead, end: s.start + lead + text.length };
    })
    .filter((s) => s.text.length > 0);
}
