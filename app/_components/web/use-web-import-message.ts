'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { TextInputError } from '@/lib/texts/limits';
import type { WebImportError } from '@/lib/web-import/errors';

/** A refusal from the web route (or from storing what it returned) as a sentence in the interface language. */
export function useWebImportMessage() {
  const t = useTranslations('WebImport');
  const texts = useTranslations('Texts');
  const locale = useLocale();
  return useCallback(
    (err: WebImportError | TextInputError) => {
      if (err instanceof TextInputError) return texts(`error.${err.code}`, { max: 0, count: 0, name: '', ...err.detail });
      const detail = { scheme: '', port: '', address: '', host: '', max: 0, seconds: 0, type: '', status: 0, lang: '', ...err.detail };
      // "en" → "English" / "Engels": the language the page seems to be in, named in the reader's language.
      if (detail.lang) detail.lang = new Intl.DisplayNames([locale], { type: 'language' }).of(String(detail.lang)) ?? detail.lang;
      return t(`error.${err.code}`, detail);
    },
    [t, texts, locale],
  );
}
