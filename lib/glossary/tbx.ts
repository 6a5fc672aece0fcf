/**
 * The glossary as TBX-Basic (ISO 30042), the termbase exchange format of Trados MultiTerm, memoQ, OmegaT and
 * translate-toolkit: TBX 2's `martif` document, one <termEntry> per entry with a Dutch and an English
 * <langSet>; variants are further Dutch terms marked termType "variant", the reader's note a <note>, a
 * case-sensitive entry an x-caseSensitive term note. Reads TBX 2 and TBX 3 (`tbx`, conceptEntry/langSec/termSec).
 */
import { DOMImplementation, DOMParser, XMLSerializer, type Element as XmlElement } from '@xmldom/xmldom';
import { xmlSafe } from '@/lib/corrections/exchange/xml-safe';
import type { GlossaryEntry } from '@/lib/store/glossary-types';
import { entryProblem, makeEntry, type EntryInput } from './entry';
import { GlossaryProblem, type ParsedGlossary } from './problem';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export function toTbx(entries: readonly GlossaryEntry[], exportedAt = new Date()): string {
  const doc = new DOMImplementation().createDocument(null, 'martif', null);
  const root = doc.documentElement!;
  root.setAttribute('type', 'TBX-Basic');
  root.setAttributeNS(XML_NS, 'xml:lang', 'nl');
  const el = (parent: XmlElement, name: string, attrs: Record<string, string> = {}, text?: string) => {
    const child = doc.createElement(name);
    for (const [k, v] of Object.entries(attrs))
      if (k === 'xml:lang') child.setAttributeNS(XML_NS, k, v);
      else child.setAttribute(k, v);
    if (text !== undefined) child.appendChild(doc.createTextNode(xmlSafe(text)));
    parent.appendChild(child);
    return child;
  };
  const header = el(root, 'martifHeader');
  const source = el(el(header, 'fileDesc'), 'sourceDesc');
  el(source, 'p', {}, `Tweetalig glossary, Dutch to English, exported ${exportedAt.toISOString()}`);
  el(el(header, 'encodingDesc'), 'p', { type: 'XCSURI' }, 'TBXBasicXCSV02.xcs');
  const body = el(el(root, 'text'), 'body');
  for (const e of entries) {
    const entry = el(body, 'termEntry', { id: `t-${e.id.replace(/[^A-Za-z0-9_.-]/g, '')}` });
    if (e.note) el(entry, 'note', {}, e.note);
    const nl = el(entry, 'langSet', { 'xml:lang': 'nl' });
    const main = el(nl, 'tig');
    el(main, 'term', {}, e.source);
    if (e.caseSensitive) el(main, 'termNote', { type: 'x-caseSensitive' }, 'yes');
    for (const v of e.variants) {
      const tig = el(nl, 'tig');
      el(tig, 'term', {}, v);
      el(tig, 'termNote', { type: 'termType' }, 'variant');
    }
    el(el(el(entry, 'langSet', { 'xml:lang': 'en' }), 'tig'), 'term', {}, e.target);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}

const children = (parent: XmlElement, ...names: string[]) =>
  Array.from(parent.childNodes).filter(
    (n): n is XmlElement => n.nodeType === 1 && names.includes((n as XmlElement).localName ?? ''),
  );
const descendants = (parent: XmlElement, name: string) =>
  Array.from(parent.getElementsByTagName('*')).filter((n) => n.localName === name);
const langOf = (el: XmlElement) =>
  (el.getAttributeNS(XML_NS, 'lang') || el.getAttribute('xml:lang') || '').toLowerCase();

/** Parses a whole file before anything is applied; entries without a Dutch or an English term are counted, not kept. */
export function parseTbx(text: string): ParsedGlossary<GlossaryEntry> {
  const errors: string[] = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (err) {
    throw new GlossaryProblem('notXml', err instanceof Error ? err.message : String(err));
  }
  if (errors.length > 0 || !doc.documentElement) throw new GlossaryProblem('notXml', errors[0] ?? 'empty document');
  const root = doc.documentElement;
  if (root.localName !== 'martif' && root.localName !== 'tbx')
    throw new GlossaryProblem('notTbx', root.localName ?? '');
  const rootLang = langOf(root);
  const entries: GlossaryEntry[] = [];
  let skipped = 0;
  for (const concept of [...descendants(root, 'termEntry'), ...descendants(root, 'conceptEntry')]) {
    const input: EntryInput = { source: '', target: '', variants: [], caseSensitive: false, note: '' };
    const notes = children(concept, 'note', 'descrip').map((n) => n.textContent?.trim() ?? '');
    const sets = children(concept, 'langSet', 'langSec');
    // translate-toolkit writes every TBX as "en" (its source) and "xx" (its target), whatever the languages.
    const placeholder = sets.length === 2 && langOf(sets[0]!) === 'en' && langOf(sets[1]!) === 'xx';
    for (const [n, set] of sets.entries()) {
      const lang = placeholder ? ['nl', 'en'][n]! : langOf(set) || rootLang;
      const terms = children(set, 'tig', 'ntig', 'termSec').flatMap((tig) => {
        const term = descendants(tig, 'term')[0]?.textContent?.trim() ?? '';
        const note = (type: string) =>
          descendants(tig, 'termNote')
            .find((n) => n.getAttribute('type') === type)
            ?.textContent?.trim() ?? '';
        return term
          ? [{ term, variant: note('termType') === 'variant', cased: note('x-caseSensitive') === 'yes' }]
          : [];
      });
      if (lang.startsWith('nl') && terms.length > 0 && !input.source) {
        const main = terms.find((t) => !t.variant) ?? terms[0]!;
        input.source = main.term;
        input.caseSensitive = main.cased;
        input.variants = terms.filter((t) => t !== main).map((t) => t.term);
      } else if (lang.startsWith('en') && terms.length > 0 && !input.target) input.target = terms[0]!.term;
    }
    input.note = notes.filter(Boolean).join('\n');
    if (entryProblem(input)) skipped++;
    else entries.push(makeEntry(input));
  }
  if (entries.length === 0) throw new GlossaryProblem('noEntries', skipped ? String(skipped) : '');
  return { entries, skipped };
}
