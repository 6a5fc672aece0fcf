'use client';

import { useTranslations } from 'next-intl';
import type { CorrectionFailure } from '@/lib/article/article-corrections';
import { Link } from '@/lib/i18n/navigation';

/**
 * Why a correction was not stored, in the interface language, and a way to try again. Nothing was lost:
 * the editor still holds the text, or the paragraph shows what it showed before. Storage full: the way to
 * Stored data, where the reader can make room.
 */
export function CorrectionFailureNotice({ failure, onRetry }: { failure: CorrectionFailure; onRetry: () => void }) {
  const t = useTranslations('Corrections');
  const site = useTranslations('Site');
  const link = 'font-medium text-accent underline underline-offset-4';
  return (
    <div
      role="alert"
      className="mt-2 rounded-md border border-accent/50 bg-panel px-3 py-2 text-sm text-ink"
      data-testid="correction-failure"
    >
      <p>
        <strong className="font-semibold">{t('failed', { action: failure.action })}</strong>{' '}
        {t('failedReason', { reason: failure.code })} {t('failedKept', { action: failure.action })}
      </p>
      <p className="mt-1 flex flex-wrap gap-x-4">
        {failure.code !== 'empty' && (
          <button type="button" onClick={onRetry} className={link}>
            {t('retry')}
          </button>
        )}
        {failure.code === 'quota' && (
          <Link href="/data" target="_blank" className={link}>
            {site('dataLink')}
          </Link>
        )}
      </p>
    </div>
  );
}
