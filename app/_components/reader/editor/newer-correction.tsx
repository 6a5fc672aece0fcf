'use client';

import { useTranslations } from 'next-intl';
import { inlineLink } from '@/app/_components/ui/styles';

/**
 * An editor is open here while a newer correction of its paragraph was saved elsewhere (another tab, or a
 * paragraph with the same Dutch): both are offered, and the typed text stays until the reader chooses.
 */
export function NewerCorrection({ text, onUse, onKeep }: { text: string; onUse: () => void; onKeep: () => void }) {
  const t = useTranslations('Corrections');
  return (
    <div
      role="status"
      className="space-y-1 rounded-md border border-accent/50 bg-panel px-3 py-2 text-sm text-ink"
      data-testid="newer-correction"
    >
      <p>{t('newerSaved')}</p>
      <blockquote lang="en" className="border-l-2 border-rule pl-3 font-serif whitespace-pre-line break-words">
        {text}
      </blockquote>
      <p className="flex flex-wrap gap-x-4">
        <button type="button" onClick={onUse} className={inlineLink}>
          {t('useNewer')}
        </button>
        <button type="button" onClick={onKeep} className={inlineLink}>
          {t('keepMine')}
        </button>
      </p>
    </div>
  );
}
