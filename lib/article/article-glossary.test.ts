import 'fake-indexeddb/auto';
import type { TranslationPipeline } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourceHash } from '@/lib/content/block-id';
import { Connection } from '@/lib/store/connection';
import { IndexedDBStore, openReaderDB } from '@/lib/store/db';
import { IndexedDBGlossary } from '@/lib/store/glossary-list';
import { freshDatabaseNames, glossaryEntry } from '@/lib/store/test-records';
import { engineFor } from '@/lib/engine/worker/from-pipeline';
import type { TranslationEngine } from '@/lib/engine/worker/engine';
import { loadTestPipeline } from '@/tests/tools/test-model';
import { DEFAULT_CONFIG } from '../engine/shared/config';
import type { GlossaryTerm } from '../engine/shared/terms';
import { ArticleTranslator } from './article-translator';

const dbName = freshDatabaseNames('glossary-article');
const segments = [
  { id: 's-1', text: 'Concrete afspraken werden niet gemaakt in Kiev.' },
  { id: 's-2', text: 'De trein vertrekt om half negen.' },
];

let engine: TranslationEngine;
beforeAll(async () => {
  engine = engineFor((await loadTestPipeline('fp32')) as TranslationPipeline, 'fast', { batchRows: 4 });
});

/** The real engine on the test model, in this thread: what the worker client would run, counted. */
function realClient(log: { text: string; terms: GlossaryTerm[] }[]) {
  return {
    load: async () => ({ device: 'wasm', threads: 1, crossOriginIsolated: false, projection: null }),
    translate: async (text: string, options: { terms?: GlossaryTerm[] } = {}) => {
      log.push({ text, terms: options.terms ?? [] });
      return engine.translate(text, { terms: options.terms });
    },
    dispose() {},
  };
}

const entry = (source: string, target: string) => glossaryEntry(`g-${source}`, source, target);

async function open(db: Awaited<ReturnType<typeof openReaderDB>>, log: { text: string; terms: GlossaryTerm[] }[]) {
  const glossary = new IndexedDBGlossary(Connection.of(db));
  const t = new ArticleTranslator(segments, {
    fetchConfig: async () => DEFAULT_CONFIG,
    openStore: async () => new IndexedDBStore(db),
    openGlossary: async () => glossary,
    createClient: () => realClient(log) as never,
  });
  t.start();
  await until(() => t.getProgress().phase === 'done');
  return { t, glossary };
}

async function until(check: () => boolean) {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe("an article under the reader's glossary", () => {
  it('retranslates only the paragraph an entry touches, restores the model’s own from the cache when it goes', async () => {
    const db = await openReaderDB(dbName());
    const log: { text: string; terms: GlossaryTerm[] }[] = [];
    const { t, glossary } = await open(db, log);
    expect(log.map((l) => l.text)).toEqual(segments.map((s) => s.text));
    const plain = t.shownArticle().map((s) => s.english);

    await glossary.put(entry('Kiev', 'Polen'));
    await until(() => t.getSegment('s-1').sentences?.[0]?.terms?.[0]?.placed === true);
    expect(log.slice(2)).toEqual([{ text: segments[0]!.text, terms: [expect.objectContaining({ target: 'Polen' })] }]);
    expect(t.getSegment('s-1').text).toContain('Polen');
    expect(t.getSegment('s-2').text).toBe(plain[1]);

    await glossary.delete('g-Kiev');
    await until(() => t.getSegment('s-1').text === plain[0]);
    expect(log).toHaveLength(3); // from the cache: the engine was not asked again
    expect(t.getSegment('s-1').sentences?.[0]?.terms).toBeUndefined();
    t.dispose();
  });

  it('keeps a correction shown, and reopens with the glossed English stored, without the engine', async () => {
    const db = await openReaderDB(dbName());
    const log: { text: string; terms: GlossaryTerm[] }[] = [];
    const first = await open(db, log);
    await first.t.corrections.save('s-1', 'Mijn eigen Engels.');
    await first.glossary.put(entry('Kiev', 'Polen'));
    await until(() => first.t.getSegment('s-1').text.includes('Polen'));
    expect(first.t.shownArticle()[0]!.english).toBe('Mijn eigen Engels.');
    first.t.dispose();

    const again = await open(db, log);
    expect(log).toHaveLength(3);
    expect(again.t.getSegment('s-1').text).toContain('Polen');
    expect(again.t.shownArticle()[0]!.english).toBe('Mijn eigen Engels.');
    const stored = await new IndexedDBStore(db).getCorrections([sourceHash(segments[0]!.text)]);
    expect(stored.get(sourceHash(segments[0]!.text))?.text).toBe('Mijn eigen Engels.');
    again.t.dispose();
  });
});
