'use client';

import { useTranslations } from 'next-intl';
import { bilingualMarkdown } from '@/lib/corrections/bilingual-markdown';
import { download } from '@/lib/store/download';
import { useTranslationContext } from './translation-provider';

/** Downloads this article, Dutch and English (corrections included), as Markdown. */
export function ExportMarkdown({ title, slug }: { title: string; slug: string }) {
  const t = useTranslations('Article');
  const { translator } = useTranslationContext();
  return (
    <button
      type="button"
      disabled={!translator}
      onClick={() => {
        if (!translator) return;
        const items = translator.snapshot().map((s) => ({ kind: s.kind ?? 'paragraph', nl: s.text, en: s.english }));
        download(`${slug}.nl-en.md`, bilingualMarkdown(title, items), 'text/markdown');
      }}
      className="rounded-full border border-rule px-3 py-1 text-sm text-muted hover:text-ink disabled:opacity-50"
    >
      {t('exportMarkdown')}
    </button>
  );
}
