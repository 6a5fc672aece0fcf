import { useTranslations } from 'next-intl';
import { wordDiff } from '@/lib/corrections/word-diff';

/** The machine text beside the correction, word by word: removed words struck through, added ones marked. */
export function MachineDiff({ machine, corrected }: { machine: string; corrected: string }) {
  const t = useTranslations('Corrections');
  return (
    <div className="no-print mt-2 rounded-md border border-rule bg-panel p-3 text-sm" data-testid="machine-diff">
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">{t('machine')}</p>
      <p lang="en" className="font-serif leading-relaxed">
        {wordDiff(machine, corrected).map((part, i) =>
          part.kind === 'same' ? (
            <span key={i}>{part.text} </span>
          ) : part.kind === 'removed' ? (
            <del key={i} className="bg-red-500/10 text-red-800 dark:text-red-300">
              {part.text}{' '}
            </del>
          ) : (
            <ins key={i} className="bg-green-500/15 text-green-900 no-underline dark:text-green-300">
              {part.text}{' '}
            </ins>
          ),
        )}
      </p>
    </div>
  );
}
