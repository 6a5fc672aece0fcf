'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { formatBytes } from '@/lib/i18n/format-bytes';
import { ImportProblem } from '@/lib/corrections/exchange/problem';
import { onStoreChange } from '@/lib/store/change-feed';
import { storageFailureReason } from '@/lib/store/errors';
import { openGlossary, openTranslationStore } from '@/lib/store/open-store';
import { Link } from '@/lib/i18n/navigation';
import { FileButton } from '@/app/_components/ui/file-button';
import type { TranslationStore } from '@/lib/store/types';
import {
  clearMachineTranslations,
  clearModelFiles,
  downloadExport,
  importFile,
  readFigures,
  type ExportKind,
  type Figures,
} from '@/lib/stored-data/actions';

type StorageAction = 'import' | 'export' | 'clear' | 'read';

export function StoredData() {
  const t = useTranslations('Data');
  const g = useTranslations('Glossary');
  const format = useFormatter();
  const [store, setStore] = useState<TranslationStore | null>(null);
  const [figures, setFigures] = useState<Figures | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const failed = useCallback(
    (action: StorageAction, err: unknown) =>
      setMessage({ kind: 'error', text: t('storageFailed', { action, reason: storageFailureReason(err) }) }),
    [t],
  );

  const refresh = useCallback(
    async (s: TranslationStore) => {
      try {
        setFigures(await readFigures(s, await openGlossary().catch(() => null)));
      } catch (err) {
        failed('read', err);
      }
    },
    [failed],
  );

  useEffect(() => {
    void openTranslationStore().then((s) => {
      setStore(s);
      return refresh(s);
    });
  }, [refresh]);

  // Another tab saved, imported or cleared: the counts follow.
  useEffect(
    () => (store ? onStoreChange(({ origin }) => origin === 'elsewhere' && void refresh(store)) : undefined),
    [store, refresh],
  );

  const size = (bytes: number) => t('size', { size: formatBytes(format, bytes) });

  /** Runs a storage action; a failure is said, in the interface language, and nothing else changes. */
  const guarded = (action: StorageAction, work: (s: TranslationStore) => Promise<void>) => async () => {
    // Not the state: a click (or a file chosen) before the store has opened still counts.
    const store = await openTranslationStore();
    let failure: unknown = null;
    try {
      await work(store);
    } catch (err) {
      failure = err ?? 'failed';
    }
    await refresh(store); // before the message: a failed read must not hide why the action failed
    if (failure !== null) failed(action, failure);
  };

  const exportAs = (kind: ExportKind) =>
    guarded('export', async (s) => downloadExport(s, kind, await openGlossary().catch(() => null)));

  const onImport = async (file: File) => {
    const store = await openTranslationStore();
    try {
      const glossary = await openGlossary().catch(() => null);
      const { added, keptExisting, duplicates, skipped, terms } = await importFile(store, file, glossary);
      await refresh(store);
      const done = t('importDone', { added, kept: keptExisting, duplicates, ...skipped });
      const glossed = terms > 0 ? ` ${g('importDone', { added: terms, kept: 0, skipped: 0 })}` : '';
      setMessage({ kind: 'ok', text: done + glossed });
    } catch (err) {
      await refresh(store);
      if (err instanceof ImportProblem)
        setMessage({
          kind: 'error',
          text: t('importFailed', {
            file: file.name,
            reason: t('importProblem', { code: err.code, detail: err.detail }),
          }),
        });
      else failed('import', err);
    }
  };

  const button = 'rounded-full border border-rule px-4 py-2 text-left text-sm font-medium hover:border-ink';
  return (
    <div className="mt-8 space-y-8">
      {store && !store.persistent && (
        <p role="alert" className="rounded-md border border-accent/50 bg-panel px-3 py-2">
          {t('memoryOnly')}
        </p>
      )}
      <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-2 border-y border-rule py-4" data-testid="stored-figures">
        <dt>{t('corrections')}</dt>
        <dd className="text-right tabular-nums" data-testid="count-corrections">
          {figures?.corrections ?? '…'}
        </dd>
        <dt>{t('machine')}</dt>
        <dd className="text-right tabular-nums" data-testid="count-machine">
          {figures?.machine ?? '…'}
        </dd>
        <dt>
          {t('doubtfulLabel')}
          <span className="block text-xs text-muted">{t('doubtfulHint')}</span>
        </dt>
        <dd className="text-right tabular-nums" data-testid="stored-doubtful">
          {figures?.doubtful ?? '…'}
        </dd>
        <dt>
          <Link href="/glossary" className="underline decoration-rule underline-offset-4 hover:decoration-current">
            {g('storedLabel')}
          </Link>
        </dt>
        <dd className="text-right tabular-nums" data-testid="count-glossary">
          {figures ? (figures.glossary ?? '—') : '…'}
        </dd>
        <dt>{t('sizeLabel')}</dt>
        <dd className="text-right tabular-nums" data-testid="stored-size">
          {figures ? size(figures.bytes) : '…'}
        </dd>
        <dt>{t('model')}</dt>
        <dd className="text-right tabular-nums" data-testid="count-model">
          {figures ? `${figures.modelFiles} · ${size(figures.modelBytes)}` : '…'}
        </dd>
      </dl>

      <div className="flex flex-col items-start gap-3">
        <button type="button" className={button} onClick={exportAs('json')}>
          {t('exportJson')}
        </button>
        <button type="button" className={button} onClick={exportAs('jsonAll')}>
          {t('exportJsonAll')}
        </button>
        <button type="button" className={button} onClick={exportAs('tmx')}>
          {t('exportTmx')}
        </button>
        <FileButton
          label={t('import')}
          accept=".json,.tmx,application/json,text/xml"
          className={button}
          onFile={(file) => void onImport(file)}
        />
      </div>

      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="import-message"
          className={message.kind === 'error' ? 'text-accent' : ''}
        >
          {message.text}
        </p>
      )}

      <div className="flex flex-col items-start gap-3 border-t border-rule pt-6">
        <button
          type="button"
          className={button}
          onClick={guarded('clear', async (s) => {
            await clearMachineTranslations(s);
            setMessage({ kind: 'ok', text: t('cleared') });
          })}
        >
          {t('clearMachine')}
        </button>
        <button
          type="button"
          className={button}
          onClick={guarded('clear', async () => {
            await clearModelFiles();
            setMessage({ kind: 'ok', text: t('cleared') });
          })}
        >
          {t('clearModel')}
        </button>
      </div>
    </div>
  );
}
