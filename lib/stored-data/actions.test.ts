import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { COPY_PREFIX, writeCopy } from '@/lib/quick-open/copy';
import { storeStamp } from '@/lib/store/change-feed';
import { IndexedDBStore, openReaderDB } from '@/lib/store/db';
import { useMapStorage } from '@/lib/store/test-storage';
import { ImportProblem } from '@/lib/corrections/exchange/problem';
import { clearMachineTranslations, exportFile, importFile, readFigures } from './actions';
import { Connection } from '@/lib/store/connection';
import { IndexedDBGlossary } from '@/lib/store/glossary-list';
import { glossaryEntry } from '@/lib/store/test-records';

let n = 0;
const openStore = async () => new IndexedDBStore(await openReaderDB(`stored-data-${++n}`));
const machine = { cacheKey: 'k', sourceHash: 'h1', source: 'NL', text: 'EN h1', sentences: [] };

describe('the Stored data actions', () => {
  const storage = useMapStorage();

  it('count the quick-open copies, and clearing machine translations removes them, which hold machine text too', async () => {
    const store = await openStore();
    await store.putMachine(machine);
    const without = (await readFigures(store)).bytes;
    writeCopy('artikel', { key: 'k', stamp: storeStamp(), texts: { h1: 'EN h1' } });
    expect(storage().getItem(`${COPY_PREFIX}artikel`)).not.toBeNull();
    const figures = await readFigures(store);
    expect(figures.bytes).toBeGreaterThan(without + 2 * 'EN h1'.length);
    expect(figures.machine).toBe(1);
    await clearMachineTranslations(store);
    expect(storage().getItem(`${COPY_PREFIX}artikel`)).toBeNull();
    expect((await readFigures(store)).machine).toBe(0);
  });

  it('export a file that imports whole into another browser, and refuse a file that is not one', async () => {
    const from = await openStore();
    await from.saveCorrection({
      sourceHash: 'h1',
      source: 'Goedemorgen.',
      text: 'Good morning.',
      status: 'edited',
      machineText: 'Morning.',
      origin: { article: 'a', segment: 's1' },
    });
    const exported = await exportFile(from, 'json');
    expect(exported.name).toMatch(/^corrections-\d{4}-\d{2}-\d{2}\.json$/);
    const to = await openStore();
    const outcome = await importFile(to, new File([exported.text], exported.name, { type: exported.type }));
    expect(outcome.added).toBe(1);
    expect((await exportFile(to, 'tmx')).text).toContain('Good morning.');
    await expect(importFile(to, new File(['{"nope": 1}'], 'x.json'))).rejects.toBeInstanceOf(ImportProblem);
    expect(await to.countCorrections()).toBe(1);
  });

  it('the JSON export carries the glossary, and its import brings it into another browser beside the corrections', async () => {
    const glossaryOf = async () => new IndexedDBGlossary(Connection.of(await openReaderDB(`stored-data-${++n}`)));
    const from = await openStore();
    const terms = await glossaryOf();
    await terms.put(glossaryEntry('g1', 'Navo', 'NATO', { variants: ["Navo's"] }));
    const file = await exportFile(from, 'json', terms);
    expect(JSON.parse(file.text).glossary).toHaveLength(1);
    const to = await openStore();
    const other = await glossaryOf();
    const outcome = await importFile(to, new File([file.text], file.name), other);
    expect(outcome.terms).toBe(1);
    expect((await other.list()).map((e) => [e.source, e.target, e.variants])).toEqual([['Navo', 'NATO', ["Navo's"]]]);
    // TMX carries corrections only.
    expect((await exportFile(from, 'tmx', terms)).text).not.toContain('Navo');
  });
});
