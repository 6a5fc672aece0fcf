import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '@/lib/store/glossary-types';
import { toJson } from '@/lib/corrections/exchange/json';
import { entryProblem, makeEntry, variantsOf } from './entry';
import { parseGlossaryFile } from './import-file';
import { toOmegatTsv } from './omegat-tsv';
import { GlossaryProblem } from './problem';
import { toTbx } from './tbx';
import { termOffer } from './offer';

const entries: GlossaryEntry[] = [
  makeEntry({ source: 'Navo', target: 'NATO', variants: ["Navo's", 'NAVO-top'], note: 'het bondgenootschap' }),
  makeEntry({ source: 'de  Kamer', target: 'the House', caseSensitive: true }),
  // What readers paste: quotes, markup-like text, a control character, emoji.
  makeEntry({ source: 'Rutte & <co>', target: '"Rutte" & co 🇳🇱', note: 'bijv.\u0001 zo' }),
];
const essence = (list: GlossaryEntry[]) =>
  list.map(({ source, target, variants, caseSensitive }) => ({ source, target, variants, caseSensitive }));

describe('a glossary entry', () => {
  it('is tidied: single spaces, distinct variants that are not the term, a case-sensitive one keeps its case', () => {
    expect(entries[1]!.source).toBe('de Kamer');
    expect(
      makeEntry({ source: 'Navo', target: 'NATO', variants: ['navo', ' Navo ', 'NAVO-top', 'navo-top'] }).variants,
    ).toEqual(['NAVO-top']);
    expect(makeEntry({ source: 'Navo', target: 'NATO', variants: ['NAVO'], caseSensitive: true }).variants).toEqual([
      'NAVO',
    ]);
    expect(variantsOf("Navo's, NAVO-top\nNavo-landen")).toEqual(["Navo's", 'NAVO-top', 'Navo-landen']);
    expect(entryProblem({ source: ' ', target: 'x' })).toBe('noSource');
    expect(entryProblem({ source: 'x', target: '' })).toBe('noTarget');
    expect(entryProblem({ source: 'x'.repeat(201), target: 'y' })).toBe('tooLong');
  });
});

describe('glossary files', () => {
  it('TBX: what we write reads back whole (variants, case, note)', () => {
    const back = parseGlossaryFile('glossary.tbx', toTbx(entries));
    expect(essence(back.entries)).toEqual(essence(entries));
    expect(back.entries[0]!.note).toBe('het bondgenootschap');
    expect(back.entries[2]!.note).toBe('bijv. zo'); // no control character, which XML cannot carry
  });

  it('OmegaT tab-separated: what we write reads back whole', () => {
    const text = toOmegatTsv(entries);
    expect(text.split('\n')[1]).toBe('Navo\tNATO\thet bondgenootschap');
    expect(text.split('\n')[2]).toBe("Navo's\tNATO\tvariant of: Navo");
    expect(essence(parseGlossaryFile('glossary.txt', text).entries)).toEqual(essence(entries));
  });

  it('JSON: the export carries the glossary beside the corrections', () => {
    const back = parseGlossaryFile('export.json', toJson([], undefined, entries));
    expect(back.entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    expect(essence(back.entries)).toEqual(essence(entries));
  });

  it('TBX 3 (conceptEntry, langSec, termSec) imports too; an entry without English is counted, not kept', () => {
    const tbx3 = `<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
 <text><body>
  <conceptEntry id="c1"><langSec xml:lang="nl-NL"><termSec><term>kabinet</term></termSec></langSec>
   <langSec xml:lang="en-GB"><termSec><term>cabinet</term></termSec></langSec></conceptEntry>
  <conceptEntry id="c2"><langSec xml:lang="nl"><termSec><term>zorg</term></termSec></langSec></conceptEntry>
 </body></text></tbx>`;
    const { entries: read, skipped } = parseGlossaryFile('x.tbx', tbx3);
    expect(essence(read)).toEqual([{ source: 'kabinet', target: 'cabinet', variants: [], caseSensitive: false }]);
    expect(skipped).toBe(1);
  });

  it('refuses what is not a glossary with a code the interface words, and nothing half read', () => {
    const refusal = (name: string, text: string) => {
      try {
        parseGlossaryFile(name, text);
      } catch (err) {
        return err instanceof GlossaryProblem ? err.code : 'other';
      }
      return 'accepted';
    };
    expect(refusal('g.tbx', '<martif><text><body><termEntry>')).toBe('notXml');
    expect(refusal('g.tbx', '<?xml version="1.0"?><tmx version="1.4"><body/></tmx>')).toBe('notTbx');
    expect(refusal('g.tbx', '<martif type="TBX-Basic"><text><body/></text></martif>')).toBe('noEntries');
    expect(refusal('g.txt', 'Navo\tNATO\nkabinet cabinet\n')).toBe('badLine');
    expect(refusal('g.txt', '# only a comment\n')).toBe('noEntries');
    expect(refusal('g.json', '{"format": "something else"}')).toBe('notJson');
    expect(refusal('g.bin', 'PK\u0003\u0004\u0000')).toBe('notText');
  });
});

describe('a glossary entry offered from a correction', () => {
  it('when the same word is replaced in several sentences, with the Dutch it likely stands for', () => {
    const machine = 'The Nato met in Brussels. Russia wants guarantees from the Nato, and the Nato answered.';
    const corrected = 'The NATO met in Brussels. Russia wants guarantees from the NATO, and the NATO answered.';
    const dutch = 'De Navo kwam bijeen in Brussel. Rusland wil garanties van de Navo, en de Navo antwoordde.';
    expect(termOffer(machine, corrected, dutch)).toEqual({ from: 'Nato', to: 'NATO', count: 3, source: 'Navo' });
  });

  it('not for a replacement made once, nor when nothing was replaced', () => {
    expect(termOffer('The Nato met. It rained.', 'The NATO met. It rained.', 'De Navo kwam. Het regende.')).toBeNull();
    expect(termOffer('It rained.', 'It rained hard.', 'Het regende.')).toBeNull();
  });
});
