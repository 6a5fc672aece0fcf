'use client';

import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { sourceHash } from '@/lib/content/block-id';
import { openGlossary, openTranslationStore } from '@/lib/store/open-store';
import { ArticleTranslator, IDLE, readStored, type Progress, type StoredRecords } from './article-translator';
import { WAITING, type SegmentState, type SourceSegment } from './segment-state';
import type { EngineConfig } from '../engine/shared/config';
import { fetchEngineConfig } from '../engine/client/fetch-config';
import { createUiBatch } from './ui-batch';

/**
 * The settings request and the IndexedDB connection start when this module loads in the browser, while
 * React is still hydrating, not in an effect after it: a reopened article's stored English then waits
 * for neither. Taken once; a retry after a failure asks again.
 */
let earlyConfig: Promise<EngineConfig> | null = null;
if (typeof window !== 'undefined') {
  earlyConfig = fetchEngineConfig();
  earlyConfig.catch(() => {}); // handled by whoever takes it
  void openTranslationStore();
}

function takeConfig(): Promise<EngineConfig> {
  const early = earlyConfig;
  earlyConfig = null;
  return early ?? fetchEngineConfig();
}

const prefetches = new WeakMap<readonly SourceSegment[], Promise<StoredRecords | null>>();

/**
 * Starts reading the article's stored translations and corrections while React hydrates the page
 * (called from render, but only fills a cache: the same segments read once). The translator, created
 * after hydration, uses the result if it was read under the settings it gets. Only with the early
 * settings: later articles in the same visit simply read when their translator starts.
 */
function prefetchStored(segments: readonly SourceSegment[]): Promise<StoredRecords | null> | undefined {
  if (typeof window === 'undefined' || !earlyConfig) return prefetches.get(segments);
  let pending = prefetches.get(segments);
  if (!pending) {
    const config = earlyConfig;
    pending = Promise.all([config, openTranslationStore()]).then(([c, store]) =>
      readStored(
        store,
        c,
        segments.map((s) => sourceHash(s.text)),
      ),
    );
    pending.catch(() => {}); // the translator reads again itself
    prefetches.set(segments, pending);
  }
  return pending;
}

/** Creates the article's translator in the browser only (never during server rendering) and starts it. */
export function useArticleTranslator(
  segments: readonly SourceSegment[],
  article: string,
  quickOpen = false,
): ArticleTranslator | null {
  const [translator, setTranslator] = useState<ArticleTranslator | null>(null);
  prefetchStored(segments);
  useEffect(() => {
    const prefetched = prefetchStored(segments);
    const copyName = quickOpen ? article : undefined;
    const t = new ArticleTranslator(segments, {
      fetchConfig: takeConfig,
      openStore: openTranslationStore,
      openGlossary,
      article,
      prefetched,
      quickOpen: copyName,
    });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the translator (and its worker) must only exist in the browser
    setTranslator(t);
    t.start();
    return () => t.dispose();
  }, [segments, article, quickOpen]);
  return translator;
}

const noop = () => () => {};

/** At most ten UI updates a second while translating: smooth for streaming text, light for the main thread. */
const batched = createUiBatch(100);

export function useSegmentTranslation(translator: ArticleTranslator | null, id: string): SegmentState {
  const subscribe = useMemo(
    () => (translator ? batched((l) => translator.subscribeSegment(id, l)) : noop),
    [translator, id],
  );
  return useSyncExternalStore(
    subscribe,
    () => translator?.getSegment(id) ?? WAITING,
    () => WAITING,
  );
}

export function useTranslationProgress(translator: ArticleTranslator | null): Progress {
  const subscribe = useMemo(() => (translator ? batched(translator.subscribeProgress) : noop), [translator]);
  return useSyncExternalStore(
    subscribe,
    () => translator?.getProgress() ?? IDLE,
    () => IDLE,
  );
}
