'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { SegmentState } from '@/lib/article/segment-state';
import { termMarks, type TermMark } from '@/lib/article/term-marks';

/**
 * The glossary's marks for a paragraph's English (segment-text.tsx draws them), the descriptions screen readers
 * hear for them, and a line for each term the model could not use in it.
 */
export function useTermMarks(state: SegmentState, id: string) {
  const t = useTranslations('Glossary');
  const locale = useLocale();
  const { marks, unplaced } = useMemo(() => termMarks(state), [state]);
  const label = (m: Pick<TermMark, 'source' | 'target'>) => t('markTitle', { source: m.source, target: m.target });
  const describedBy = (sentence: number, k: number) => `${id}-term-${sentence}-${k}`;
  const terms = marks.size > 0 ? { marks, label, describedBy } : undefined;
  const notes = (
    <>
      {marks.size > 0 && (
        <div hidden>
          {[...marks].flatMap(([sentence, list]) =>
            list.map((m, k) => (
              <span key={describedBy(sentence, k)} id={describedBy(sentence, k)} lang={locale}>
                {label(m)}
              </span>
            )),
          )}
        </div>
      )}
      {unplaced.map((u) => (
        <p key={`${u.source}:${u.target}`} className="mt-1 text-sm text-muted" data-term-missed="">
          {t('notPlaced', { source: u.source, target: u.target })}
        </p>
      ))}
    </>
  );
  return { terms, notes };
}
