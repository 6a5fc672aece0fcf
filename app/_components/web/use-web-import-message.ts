'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { TextInputError } from '@/lib/texts/limits';
import { WebImportError } from '@/lib/web-import/errors';

/**
 * A refusal from the web route (or from storing what it returned) as a sentence in the interface language.
 * Offline, whatever failed (the fetch, or code that was never cached) is the network's absence, and says so;
 * any other unknown failure is worded as `otherwise`, or as a page that could not be fetched.
 */
export function useWebImportMessage() {
  const t = useTranslations('WebImport');
  const texts = useTranslations('Texts');
  const locale = useLocale();
  return useCallback(
    (err: unknown, otherwise?: string) => {
      if (err instanceof TextInputError)
        return texts(`error.${err.code}`, { max: 0, count: 0, name: '', ...err.detail });
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return t('error.offline');
      if (!(err instanceof WebImportError)) return otherwise ?? t('error.unreachable', { host: '' });
      const detail = {
        scheme: '',
        port: '',
        address: '',
        host: '',
        max: 0,
        seconds: 0,
        type: '',
        status: 0,
        lang: '',
        ...err.detail,
      };
      // "en" → "English" / "Engels": the language the page seems to be in, named in the reader's language.
      if (detail.lang)
        detail.lang = new Intl.DisplayNames([locale], { type: 'language' }).of(String(detail.lang)) ?? detail.lang;
      return t(`error.${err.code}`, detail);
    },
    [t, texts, locale],
  );
}
