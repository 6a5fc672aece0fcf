'use client';

import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { download } from '@/lib/export/download';
import { useTranslationContext } from '../translation-provider';
import { inlineLink } from '@/app/_components/ui/styles';

/**
 * Storage is memory only, or a write just failed: the reader's corrections (and unsaved text) can still be taken
 * away as a file, and Stored data is where room can be made.
 */
export function StorageWarning({ failing }: { failing: boolean }) {
  const t = useTranslations('StorageWarning');
  const site = useTranslations('Site');
  const { translator } = useTranslationContext();
  return (
    <div
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-accent/50 bg-panel px-3 py-1.5 text-ink"
      data-testid="storage-warning"
    >
      <p>{failing ? t('failing') : t('memoryOnly')}</p>
      <button
        type="button"
        className={inlineLink}
        onClick={async () =>
          translator &&
          download(
            `corrections-${new Date().toISOString().slice(0, 10)}.json`,
            await translator.corrections.json(failing),
            'application/json',
          )
        }
      >
        {t('export')}
      </button>
      {/* In a new tab: this page holds text that may not be stored. */}
      {failing && (
        <Link href="/data" target="_blank" className={inlineLink}>
          {site('dataLink')}
        </Link>
      )}
    </div>
  );
}
