'use client';

import { useTranslations } from 'next-intl';
import { download } from '@/lib/export/download';
import { FileButton } from '@/app/_components/ui/file-button';
import { glossaryFile, importGlossaryFile, type GlossaryExport } from '@/lib/glossary/actions';
import { GlossaryProblem } from '@/lib/glossary/problem';
import { storageFailureReason } from '@/lib/store/errors';
import type { IndexedDBGlossary } from '@/lib/store/glossary-list';
import type { GlossaryEntry } from '@/lib/store/glossary-types';

interface Props {
  glossary: IndexedDBGlossary;
  entries: readonly GlossaryEntry[];
  onMessage: (message: { kind: 'ok' | 'error'; text: string }) => void;
}

const button = 'rounded-full border border-rule px-4 py-2 text-left text-sm font-medium hover:border-ink';

/** The glossary out (TBX, OmegaT's tab-separated text) and in (those, and the app's JSON export). */
export function GlossaryFiles({ glossary, entries, onMessage }: Props) {
  const t = useTranslations('Glossary');
  const exportAs = (kind: GlossaryExport) => () => {
    const file = glossaryFile(entries, kind);
    download(file.name, file.text, file.type);
  };
  const onImport = async (file: File) => {
    try {
      const { added, keptExisting, skipped } = await importGlossaryFile(glossary, file);
      onMessage({ kind: 'ok', text: t('importDone', { added, kept: keptExisting, skipped }) });
    } catch (err) {
      const reason =
        err instanceof GlossaryProblem
          ? t('importProblem', { code: err.code, detail: err.detail })
          : t('saveFailed', { reason: storageFailureReason(err) });
      onMessage({ kind: 'error', text: t('importFailed', { file: file.name, reason }) });
    }
  };
  return (
    <div className="flex flex-col items-start gap-3 border-t border-rule pt-6">
      <button type="button" className={button} onClick={exportAs('tbx')} disabled={entries.length === 0}>
        {t('exportTbx')}
      </button>
      <button type="button" className={button} onClick={exportAs('omegat')} disabled={entries.length === 0}>
        {t('exportOmegat')}
      </button>
      <FileButton
        label={t('import')}
        accept=".tbx,.xml,.txt,.tsv,.utf8,.json,application/json,text/xml,text/plain"
        className={button}
        testId="glossary-import"
        onFile={(file) => void onImport(file)}
      />
    </div>
  );
}
