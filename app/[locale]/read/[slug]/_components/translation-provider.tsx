'use client';

import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ArticleTranslator, SourceSegment } from '@/lib/translation/article-translator';
import { useArticleTranslator } from '@/lib/translation/use-article-translation';

interface TranslationContextValue {
  translator: ArticleTranslator | null;
  /** Reports a pair's visibility to the scheduler, so what is on screen is translated first. */
  observe: (element: Element, id: string) => () => void;
}

const TranslationContext = createContext<TranslationContextValue | null>(null);

export function TranslationProvider({ segments, children }: { segments: SourceSegment[]; children: ReactNode }) {
  const translator = useArticleTranslator(segments);
  const observer = useRef<IntersectionObserver | null>(null);
  const ids = useRef(new WeakMap<Element, string>());

  useEffect(() => {
    if (!translator) return;
    observer.current = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = ids.current.get(entry.target);
          if (id) translator.setVisible(id, entry.isIntersecting);
        }
      },
      { rootMargin: '200px 0px' },
    );
    return () => observer.current?.disconnect();
  }, [translator]);

  const value = useMemo<TranslationContextValue>(
    () => ({
      translator,
      observe: (element, id) => {
        ids.current.set(element, id);
        observer.current?.observe(element);
        return () => observer.current?.unobserve(element);
      },
    }),
    [translator],
  );

  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>;
}

export function useTranslationContext(): TranslationContextValue {
  const value = useContext(TranslationContext);
  if (!value) throw new Error('useTranslationContext needs a <TranslationProvider>');
  return value;
}
