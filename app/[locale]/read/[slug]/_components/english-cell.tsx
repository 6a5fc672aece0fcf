'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { Segment } from '@/lib/content/types';
import { useSegmentTranslation } from '@/lib/translation/use-article-translation';
import { SegmentText } from './segment-text';
import { useTranslationContext } from './translation-provider';

/** The English side of a pair: waiting, streaming, translated, or failed (for this paragraph alone). */
export function EnglishCell({ segment }: { segment: Segment }) {
  const t = useTranslations('Translation');
  const locale = useLocale();
  const { translator, observe } = useTranslationContext();
  const state = useSegmentTranslation(translator, segment.id);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const pair = ref.current?.closest('[data-segment]');
    if (!pair || !translator) return;
    return observe(pair, segment.id);
  }, [observe, segment.id, translator]);

  return (
    <div ref={ref} data-state={state.status} aria-busy={state.status === 'translating'}>
      {state.status === 'done' ? (
        <SegmentText segment={segment} text={state.text} lang="en" />
      ) : state.status === 'translating' && state.text ? (
        <div className="text-ink/75">
          <SegmentText segment={segment} text={state.text} lang="en" />
          <span className="sr-only" lang={locale}>
            {t('translating')}
          </span>
        </div>
      ) : state.status === 'error' ? (
        <div role="alert" lang={locale} className="rounded-md border border-accent/40 px-3 py-2 text-sm">
          <p>{state.error?.code === 'crashed' ? t('crashedParagraph') : t('failedParagraph')}</p>
          <button
            type="button"
            onClick={() => translator?.retrySegment(segment.id)}
            className="mt-1 font-medium text-accent underline underline-offset-4"
          >
            {t('retry')}
          </button>
        </div>
      ) : (
        <p lang={locale} className="text-sm italic text-muted">
          {state.status === 'translating' ? t('translating') : t('waiting')}
        </p>
      )}
    </div>
  );
}
