import {
  DOMImplementation,
  DOMParser,
  XMLSerializer,
  type Element as XmlElement,
  type Node as XmlNode,
} from '@xmldom/xmldom';
import { hashText, normalizeText } from '@/lib/content/block-id';
import { tidyCorrection } from '@/lib/corrections/tidy';
import {
  CORRECTION_STATUSES,
  CORRECTION_VIAS,
  type CorrectionRecord,
  type CorrectionStatus,
} from '@/lib/store/correction-schema';
import { ImportProblem, type ParsedImport } from './problem';
import { xmlSafe } from './xml-safe';

/**
 * TMX 1.4b: one <tu> per correction with nl and en <tuv>s; status, origin, the replaced machine text and
 * (x-via) a chosen alternative in <prop>s (OmegaT keeps unknown props). Earlier versions travel only in the
 * JSON export.
 */
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const tmxDate = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const fromTmxDate = (s: string | null) => {
  const m = s ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s) : null;
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Date.now();
};

/** Well-formed XML 1.0 whatever the texts hold (see xmlSafe), built as a document and serialized. */
export function toTmx(corrections: CorrectionRecord[]): string {
  const doc = new DOMImplementation().createDocument(null, 'tmx', null);
  const el = (parent: XmlElement, name: string, attrs: Record<string, string> = {}, text?: string, depth = 0) => {
    parent.appendChild(doc.createTextNode(`\n${'  '.repeat(depth)}`));
    const child = doc.createElement(name);
    for (const [k, v] of Object.entries(attrs)) child.setAttribute(k, xmlSafe(v));
    if (text !== undefined) child.appendChild(doc.createTextNode(xmlSafe(text)));
    parent.appendChild(child);
    return child;
  };
  const root = doc.documentElement!;
  root.setAttribute('version', '1.4');
  el(
    root,
    'header',
    {
      creationtool: 'Tweetalig',
      creationtoolversion: '0.1.0',
      segtype: 'paragraph',
      'o-tmf': 'tweetalig',
      adminlang: 'en',
      srclang: 'nl',
      datatype: 'plaintext',
    },
    undefined,
    1,
  );
  const body = el(root, 'body', {}, undefined, 1);
  for (const c of corrections) {
    const tu = el(body, 'tu', { creationdate: tmxDate(c.createdAt), changedate: tmxDate(c.updatedAt) }, undefined, 2);
    el(tu, 'prop', { type: 'x-status' }, c.status, 3);
    el(tu, 'prop', { type: 'x-origin' }, `${c.origin.article}#${c.origin.segment}`, 3);
    el(tu, 'prop', { type: 'x-machine-text' }, c.machineText, 3);
    if (c.origin.via) el(tu, 'prop', { type: 'x-via' }, c.origin.via, 3);
    for (const [lang, text] of [
      ['nl', c.source],
      ['en', c.text],
    ] as const) {
      tu.appendChild(doc.createTextNode('\n      '));
      const tuv = doc.createElement('tuv');
      tuv.setAttributeNS(XML_NS, 'xml:lang', lang);
      tuv.appendChild(doc.createElement('seg')).appendChild(doc.createTextNode(xmlSafe(text)));
      tu.appendChild(tuv);
    }
    tu.appendChild(doc.createTextNode('\n    '));
  }
  body.appendChild(doc.createTextNode('\n  '));
  root.appendChild(doc.createTextNode('\n'));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n${new XMLSerializer().serializeToString(doc)}\n`;
}

/** "nl-NL", "NL", "nl_BE" → "nl": CAT tools spell languages every way BCP 47 allows, and some it does not. */
const primary = (lang: string | null) => (lang ?? '').split(/[-_]/)[0]!.toLowerCase();

// Inline codes stand for the original document's markup (<b>, a footnote marker): not text to translate.
const INLINE_CODES = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);

/** A segment's text with its inline markup reduced to the text it wraps (<hi> kept, codes dropped). */
function segText(node: XmlNode): string {
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === child.TEXT_NODE || child.nodeType === child.CDATA_SECTION_NODE) out += child.nodeValue ?? '';
    else if (child.nodeType === child.ELEMENT_NODE && !INLINE_CODES.has((child as XmlElement).localName ?? ''))
      out += segText(child);
  }
  return out;
}

/**
 * Parses a TMX file with a real XML parser; every unit is checked before anything is applied. Takes what
 * CAT tools write: languages by primary subtag, the units' own languages over the header's srclang, inline
 * markup reduced to text. A unit without Dutch or English is skipped and counted, never failing the file.
 */
export function parseTmx(xml: string): ParsedImport<CorrectionRecord> {
  const errors: string[] = [];
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (err) {
    throw new ImportProblem('notXml', err instanceof Error ? err.message.split('\n')[0]! : String(err));
  }
  if (errors.length > 0) throw new ImportProblem('notXml', errors[0]!.split('\n')[0]!);
  const root = doc.documentElement;
  if (!root || root.localName !== 'tmx') throw new ImportProblem('notTmx', root?.localName ?? '');

  const skipped = { noDutch: 0, noEnglish: 0 };
  const records: CorrectionRecord[] = [];
  Array.from(root.getElementsByTagName('tu')).forEach((tu, i) => {
    const seg = (lang: string) => {
      for (const tuv of Array.from(tu.getElementsByTagName('tuv'))) {
        if (
          primary(tuv.getAttributeNS(XML_NS, 'lang') || tuv.getAttribute('xml:lang') || tuv.getAttribute('lang')) !==
          lang
        )
          continue;
        const s = tuv.getElementsByTagName('seg')[0];
        if (s) return segText(s);
      }
      return '';
    };
    const prop = (type: string) =>
      Array.from(tu.getElementsByTagName('prop')).find((p) => p.getAttribute('type') === type)?.textContent ?? null;
    const source = normalizeText(seg('nl'));
    const text = tidyCorrection(seg('en'));
    if (!source) return void skipped.noDutch++;
    if (!text) return void skipped.noEnglish++;
    const status = (prop('x-status') ?? 'edited') as CorrectionStatus;
    if (!CORRECTION_STATUSES.includes(status))
      throw new ImportProblem('invalid', `translation unit ${i + 1}: unknown status "${status}"`);
    const [article = '', segment = ''] = (prop('x-origin') ?? 'import#').split('#');
    const via = CORRECTION_VIAS.find((v) => v === prop('x-via'));
    records.push({
      sourceHash: hashText(source),
      source,
      text,
      status,
      machineText: prop('x-machine-text') ?? '',
      origin: { article, segment, ...(via ? { via } : {}) },
      createdAt: fromTmxDate(tu.getAttribute('creationdate')),
      updatedAt: fromTmxDate(tu.getAttribute('changedate')),
      history: [],
    });
  });
  return { records, skipped };
}
