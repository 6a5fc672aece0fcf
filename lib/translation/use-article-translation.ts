'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { openTranslationStore } from '@/lib/store/open-store';
import { ArticleTranslator, IDLE, WAITING, type Progress, type SegmentState, type SourceSegment } from './article-translator';
import { fetchEngineConfig } from './fetch-config';

/** Creates the article's translator in the browser only (never during server rendering) and starts it. */
export function useArticleTranslator(segments: readonly SourceSegment[], article: string): ArticleTranslator | null {
  const [translator, setTranslator] = useState<ArticleTranslator | null>(null);
  useEffect(() => {
    const t = new ArticleTranslator(segments, { fetchConfig: fetchEngineConfig, openStore: openTranslationStore, article });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the translator (and its worker) must only exist in the browser
    setTranslator(t);
    t.start();
    return () => t.dispose();
  }, [segments, article]);
  return translator;
}

const noop = () => () => {};

export function useSegmentTranslation(translator: ArticleTranslator | null, id: string): SegmentState {
  return useSyncExternalStore(
    translator ? (l) => translator.subscribeSegment(id, l) : noop,
    () => translator?.getSegment(id) ?? WAITING,
    () => WAITING,
  );
}

export function useTranslationProgress(translator: ArticleTranslator | null): Progress {
  return useSyncExternalStore(
    translator ? translator.subscribeProgress : noop,
    () => translator?.getProgress() ?? IDLE,
    () => IDLE,
  );
}
