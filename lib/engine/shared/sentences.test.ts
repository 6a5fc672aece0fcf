import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

const texts = (p: string) => splitSentences(p).map((s) => s.text);

describe('splitSentences', () => {
  it('splits the seed article into its sentences, offsets pointing back into the paragraph', () => {
    const seed = readFileSync(
      path.resolve(import.meta.dirname, '../../../tests/fixtures/seed-000_9d66e33e2d99ebe9.txt'),
      'utf8',
    );
    const paragraphs = seed.split(/\n\n/).map((p) => p.trim());
    const all = paragraphs.map((p) => splitSentences(p));
    expect(all.map((s) => s.length)).toEqual([3, 2, 2, 1, 3, 3, 1, 1, 3]);
    expect(all[0]?.map((s) => s.text)).toEqual([
      'Eind januari had Washington al 8500 militairen in paraatheid gebracht om zo nodig af te reizen naar Europa, maar deze week gaan er daadwerkelijk extra troepen de Atlantische Oceaan over.',
      'Tweeduizend militairen worden vanuit hun basis in North Carolina naar Polen en Duitsland gebracht.',
      'Duizend Amerikanen die al in Duitsland gelegerd zijn gaan naar Roemenië.',
    ]);
    // The quote stays with its attribution; the closing quote stays with its sentence.
    expect(all[5]?.[1]?.text).toBe(
      '“Het is belangrijk dat we een sterk signaal afgeven aan Poetin en de wereld”, aldus een Pentagon-woordvoerder.',
    );
    expect(all[8]?.[2]?.text).toBe('‘We moeten voorkomen dat investeerders zich terugtrekken.’');
    paragraphs.forEach((p, i) => {
      for (const s of all[i] ?? []) expect(p.slice(s.start, s.end)).toBe(s.text);
    });
  });

  it.each([
    ['Het kabinet wil o.a. meer geld. Dat is duur.', ['Het kabinet wil o.a. meer geld.', 'Dat is duur.']],
    ['Volgens dhr. Jansen is het plan bijv. te duur.', ['Volgens dhr. Jansen is het plan bijv. te duur.']],
    ['Mr. De Vries sprak. Mevr. Bakker ook.', ['Mr. De Vries sprak.', 'Mevr. Bakker ook.']],
    ['Het rapport van prof. Dijkstra en dr. Smit komt uit.', ['Het rapport van prof. Dijkstra en dr. Smit komt uit.']],
    ['J. de Vries werd gekozen. Hij is blij.', ['J. de Vries werd gekozen.', 'Hij is blij.']],
    ['Het wordt o.a. door de N.A.V.O. Betaald.', ['Het wordt o.a. door de N.A.V.O. Betaald.']],
    ['Zie blz. 12 en art. 3 van de wet.', ['Zie blz. 12 en art. 3 van de wet.']],
    ['Komt hij? Ja! Zeker weten.', ['Komt hij?', 'Ja!', 'Zeker weten.']],
    ['Lees ook:', ['Lees ook:']],
    ['Geen punt aan het eind', ['Geen punt aan het eind']],
  ])('%s', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
});
