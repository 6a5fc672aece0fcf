import { DOMParser } from '@xmldom/xmldom';
import { hashText, normalizeText } from '@/lib/content/block-id';
import type { CorrectionRecord, CorrectionStatus } from '../types';

/**
 * TMX 1.4b: one <tu> per correction with nl and en <tuv>s; status, origin and the replaced machine
 * text in <prop>s (OmegaT keeps unknown props). Earlier versions travel only in the JSON export.
 */
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const tmxDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const fromTmxDate = (s: string | null) => {
  const m = s ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s) : null;
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Date.now();
};

export function toTmx(corrections: CorrectionRecord[]): string {
  const units = corrections.map(
    (c) => `    <tu creationdate="${tmxDate(c.createdAt)}" changedate="${tmxDate(c.updatedAt)}">
      <prop type="x-status">${c.status}</prop>
      <prop type="x-origin">${escape(`${c.origin.article}#${c.origin.segment}`)}</prop>
      <prop type="x-machine-text">${escape(c.machineText)}</prop>
      <tuv xml:lang="nl"><seg>${escape(c.source)}</seg></tuv>
      <tuv xml:lang="en"><seg>${escape(c.text)}</seg></tuv>
    </tu>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="Tweetalig" creationtoolversion="0.1.0" segtype="paragraph" o-tmf="tweetalig" adminlang="en" srclang="nl" datatype="plaintext"/>
  <body>
${units.join('\n')}
  </body>
</tmx>
`;
}

/** Parses a TMX file with a real XML parser; every unit is checked before anything is applied. */
export function parseTmx(xml: string): CorrectionRecord[] {
  const errors: string[] = [];
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (err) {
    throw new Error(`not well-formed XML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  if (errors.length > 0) throw new Error(`not well-formed XML: ${errors[0]}`);
  const root = doc.documentElement;
  if (!root || root.nodeName !== 'tmx') throw new Error('not a TMX file (no <tmx> root element)');
  const srclang = root.getElementsByTagName('header')[0]?.getAttribute('srclang')?.toLowerCase() ?? '';
  if (srclang && !srclang.startsWith('nl') && srclang !== '*all*') throw new Error(`the source language is "${srclang}", not Dutch`);

  const units = Array.from(root.getElementsByTagName('tu'));
  return units.map((tu, i) => {
    const where = `translation unit ${i + 1}`;
    const seg = (lang: string) => {
      const tuv = Array.from(tu.getElementsByTagName('tuv')).find((t) => (t.getAttribute('xml:lang') ?? t.getAttribute('lang') ?? '').toLowerCase().startsWith(lang));
      const text = tuv?.getElementsByTagName('seg')[0]?.textContent;
      if (text === undefined || text === null || normalizeText(text) === '') throw new Error(`${where}: no ${lang} segment`);
      return normalizeText(text);
    };
    const prop = (type: string) => Array.from(tu.getElementsByTagName('prop')).find((p) => p.getAttribute('type') === type)?.textContent ?? null;
    const source = seg('nl');
    const status = (prop('x-status') ?? 'edited') as CorrectionStatus;
    if (!['machine', 'edited', 'confirmed'].includes(status)) throw new Error(`${where}: unknown status "${status}"`);
    const [article = '', segment = ''] = (prop('x-origin') ?? 'import#').split('#');
    return {
      sourceHash: hashText(normalizeText(source)),
      source,
      text: seg('en'),
      status,
      machineText: prop('x-machine-text') ?? '',
      origin: { article, segment },
      createdAt: fromTmxDate(tu.getAttribute('creationdate')),
      updatedAt: fromTmxDate(tu.getAttribute('changedate')),
      history: [],
    };
  });
}
