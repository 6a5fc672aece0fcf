'use client';

import { useTranslations } from 'next-intl';
import { download } from '@/lib/store/download';
import { useTranslationContext } from './translation-provider';

/** Storage is memory only, or a write just failed: the reader's corrections can still be taken away as a file. */
export function StorageWarning({ failing }: { failing: boolean }) {
  const t = useTranslations('StorageWarning');
  const { translator } = useTranslationContext();
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-accent/50 bg-panel px-3 py-1.5 text-ink" data-testid="storage-warning">
      <p>{failing ? t('failing') : t('memoryOnly')}</p>
      <button
        type="button"
        className="font-medium text-accent underline underline-offset-4"
        onClick={async () => translator && download(`corrections-${new Date().toISOString().slice(0, 10)}.json`, await translator.corrections.json(failing), 'application/json')}
      >
        {t('export')}
      </button>
    </div>
  );
}
