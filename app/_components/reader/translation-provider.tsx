'use client';

import { useLocale, useTranslations } from 'next-intl';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { ArticleTranslator } from '@/lib/article/article-translator';
import type { SourceSegment } from '@/lib/article/segment-state';
import { useArticleTranslator } from '@/lib/article/use-article-translation';

interface TranslationContextValue {
  translator: ArticleTranslator | null;
  /** Reports a pair's visibility to the scheduler, so what is on screen is translated first. */
  observe: (element: Element, id: string) => () => void;
  /** A waiting cell's label, looked up once here rather than in each of a long article's cells. */
  labels: { locale: string; waiting: string };
}

const TranslationContext = createContext<TranslationContextValue | null>(null);
const nothing = () => () => {};

interface Props {
  segments: SourceSegment[];
  article: string;
  /** The page paints the article's quick-open copy (lib/quick-open/): keep one. */
  quickOpen?: boolean;
  children: ReactNode;
}

export function TranslationProvider({ segments, article, quickOpen = false, children }: Props) {
  const translator = useArticleTranslator(segments, article, quickOpen);
  const t = useTranslations('Translation');
  const locale = useLocale();
  const waiting = t('waiting');

  // Built together with the translator (browser only), so it exists before any cell's effect asks for it:
  // children's effects run before their parent's.
  const watcher = useMemo<Omit<TranslationContextValue, 'labels'> & { disconnect: () => void }>(() => {
    if (!translator) return { translator: null, observe: nothing, disconnect: () => {} };
    const ids = new WeakMap<Element, string>();
    const io = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = ids.get(entry.target);
          if (id) translator.setVisible(id, entry.isIntersecting);
        }
      },
      { rootMargin: '200px 0px' },
    );
    return {
      translator,
      observe: (element, id) => {
        ids.set(element, id);
        io.observe(element);
        return () => {
          io.unobserve(element);
          translator.setVisible(id, false);
        };
      },
      disconnect: () => io.disconnect(),
    };
  }, [translator]);
  useEffect(() => watcher.disconnect, [watcher]);

  const value = useMemo<TranslationContextValue>(
    () => ({ translator: watcher.translator, observe: watcher.observe, labels: { locale, waiting } }),
    [watcher, locale, waiting],
  );

  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>;
}

export function useTranslationContext(): TranslationContextValue {
  const value = useContext(TranslationContext);
  if (!value) throw new Error('useTranslationContext needs a <TranslationProvider>');
  return value;
}
