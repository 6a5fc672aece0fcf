'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { bilingualHtml } from '@/lib/export/bilingual-html';
import { bilingualMarkdown } from '@/lib/export/bilingual-markdown';
import { download } from '@/lib/store/download';
import { useTranslationContext } from './translation-provider';

const button = 'rounded-full border border-rule px-3 py-1 text-sm text-muted hover:text-ink disabled:opacity-50';

/** Downloads this article, Dutch and English as the reader sees it (corrections included): Markdown or standalone HTML. */
export function ExportMenu({ title, slug }: { title: string; slug: string }) {
  const t = useTranslations('Article');
  const locale = useLocale() as 'nl' | 'en';
  const format = useFormatter();
  const { translator } = useTranslationContext();

  const items = () => translator?.shownArticle().map((s) => ({ kind: s.kind ?? 'paragraph', nl: s.text, en: s.english })) ?? [];

  return (
    <div role="group" aria-label={t('export')} className="flex items-center gap-1.5">
      <span aria-hidden="true" className="text-sm text-muted">
        {t('export')}
      </span>
      <button
        type="button"
        disabled={!translator}
        onClick={() => download(`${slug}.nl-en.md`, bilingualMarkdown(title, items()), 'text/markdown')}
        aria-label={t('exportMarkdown')}
        className={button}
      >
        Markdown
      </button>
      <button
        type="button"
        disabled={!translator}
        onClick={() => {
          const note = t('exportedOn', { date: format.dateTime(new Date(), { dateStyle: 'long' }) });
          const html = bilingualHtml(title, items(), { lang: locale, dutch: t('dutch'), english: t('english'), note });
          download(`${slug}.nl-en.html`, html, 'text/html');
        }}
        aria-label={t('exportHtml')}
        className={button}
      >
        HTML
      </button>
    </div>
  );
}
