'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { makeEntry, type EntryInput } from '@/lib/glossary/entry';
import { onStoreChange } from '@/lib/store/change-feed';
import { storageFailureReason } from '@/lib/store/errors';
import type { IndexedDBGlossary } from '@/lib/store/glossary-list';
import type { GlossaryEntry } from '@/lib/store/glossary-types';
import { openGlossary } from '@/lib/store/open-store';
import { inlineLink, pillButton } from '@/app/_components/ui/styles';
import { EntryForm } from './entry-form';
import { GlossaryFiles } from './glossary-files';

type Message = { kind: 'ok' | 'error'; text: string; undo?: GlossaryEntry };

/** The reader's glossary: add, edit, delete (with undo), import and export. Every change reaches open articles. */
export function GlossaryEditor() {
  const t = useTranslations('Glossary');
  const [glossary, setGlossary] = useState<IndexedDBGlossary | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [entries, setEntries] = useState<GlossaryEntry[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  const refresh = useCallback(async (g: IndexedDBGlossary) => setEntries(await g.list().catch(() => [])), []);
  useEffect(() => {
    openGlossary().then(
      (g) => {
        setGlossary(g);
        void refresh(g);
      },
      () => setUnavailable(true),
    );
  }, [refresh]);
  useEffect(
    () => (glossary ? onStoreChange(({ change }) => change.kind === 'glossary' && void refresh(glossary)) : undefined),
    [glossary, refresh],
  );

  /** A write; its failure becomes the words the form shows (and keeps what was typed). */
  const write = async (work: (g: IndexedDBGlossary) => Promise<void>) => {
    if (!glossary) throw new Error(t('unavailable'));
    try {
      await work(glossary);
    } catch (err) {
      throw new Error(t('saveFailed', { reason: storageFailureReason(err) }));
    }
  };
  const save = (previous?: GlossaryEntry) => async (input: EntryInput) => {
    const entry = makeEntry(input, previous);
    await write((g) => g.put(entry));
    setEditing(null);
    setMessage({ kind: 'ok', text: t('saved', { source: entry.source, target: entry.target }) });
  };
  const remove = async (entry: GlossaryEntry) => {
    try {
      await write((g) => g.delete(entry.id));
      setMessage({ kind: 'ok', text: t('deleted', { source: entry.source }), undo: entry });
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    }
  };

  if (unavailable)
    return (
      <p role="alert" className="mt-8 rounded-md border border-accent/50 bg-panel px-3 py-2">
        {t('unavailable')}
      </p>
    );
  return (
    <div className="mt-8 space-y-8">
      <EntryForm onSave={save()} />
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} data-testid="glossary-message" className="text-sm">
          {message.text}{' '}
          {message.undo && (
            <button
              type="button"
              className={inlineLink}
              onClick={() => {
                const entry = message.undo!;
                void write((g) => g.put(entry)).then(
                  () => setMessage(null),
                  (err: Error) => setMessage({ kind: 'error', text: err.message }),
                );
              }}
            >
              {t('undo')}
            </button>
          )}
        </p>
      )}
      <section aria-label={t('title')}>
        <h2 className="text-sm font-semibold uppercase tracking-[0.12em] text-muted">
          {entries ? t('count', { count: entries.length }) : '…'}
        </h2>
        {entries?.length === 0 && <p className="mt-3 text-muted">{t('empty')}</p>}
        <ul className="mt-3 divide-y divide-rule border-y border-rule" data-testid="glossary-list">
          {entries?.map((e) =>
            editing === e.id ? (
              <li key={e.id} className="py-3">
                <EntryForm entry={e} onSave={save(e)} onCancel={() => setEditing(null)} />
              </li>
            ) : (
              <li
                key={e.id}
                className="flex flex-wrap items-baseline gap-x-4 gap-y-1 py-3"
                data-testid="glossary-entry"
              >
                <span className="min-w-0 flex-1">
                  <span lang="nl" className="font-serif text-lg">
                    {e.source}
                  </span>
                  <span aria-hidden="true" className="px-2 text-muted">
                    →
                  </span>
                  <span lang="en" className="font-serif text-lg font-semibold">
                    {e.target}
                  </span>
                  {(e.variants.length > 0 || e.caseSensitive || e.note) && (
                    <span className="block text-sm text-muted">
                      {[e.variants.join(', '), e.caseSensitive ? t('caseSensitiveShort') : '', e.note]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  )}
                </span>
                <span className="flex gap-2">
                  <button
                    type="button"
                    className={pillButton}
                    aria-label={t('editLabel', { source: e.source })}
                    onClick={() => setEditing(e.id)}
                  >
                    {t('edit')}
                  </button>
                  <button
                    type="button"
                    className={pillButton}
                    aria-label={t('deleteLabel', { source: e.source })}
                    onClick={() => void remove(e)}
                  >
                    {t('delete')}
                  </button>
                </span>
              </li>
            ),
          )}
        </ul>
      </section>
      {glossary && <GlossaryFiles glossary={glossary} entries={entries ?? []} onMessage={setMessage} />}
    </div>
  );
}
