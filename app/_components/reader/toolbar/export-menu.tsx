'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { bilingualHtml } from '@/lib/export/bilingual-html';
import { bilingualMarkdown } from '@/lib/export/bilingual-markdown';
import { download } from '@/lib/export/download';
import { isCorrected } from '@/lib/article/segment-state';
import { useTranslationProgress } from '@/lib/article/use-article-translation';
import { useTranslationContext } from '../translation-provider';

const button = 'rounded-full border border-rule px-3 py-1 text-sm text-muted hover:text-ink disabled:opacity-50';

/**
 * Downloads this article, Dutch and English as the reader sees it (corrections included): Markdown or standalone
 * HTML. While it is still translating, the menu and the file both say how many paragraphs lack their English yet.
 */
export function ExportMenu({ title, slug }: { title: string; slug: string }) {
  const t = useTranslations('Article');
  const locale = useLocale() as 'nl' | 'en';
  const format = useFormatter();
  const { translator } = useTranslationContext();
  const progress = useTranslationProgress(translator);

  const items = () =>
    translator?.shownArticle().map((s) => ({ kind: s.kind ?? 'paragraph', nl: s.text, en: s.english })) ?? [];
  // Paragraphs without their whole English yet: from the progress line while reading (no walk over a long
  // article on every update), from each paragraph's state when a file is made.
  const pending = progress.total - progress.done;
  const shownMissing = translator && pending > 0 ? { count: pending, total: progress.total } : null;
  const missing = () => {
    if (!translator) return null;
    const count = translator.segments.filter((s) => {
      const state = translator.getSegment(s.id);
      return state.status !== 'done' && !isCorrected(state);
    }).length;
    return count > 0 ? { count, total: translator.segments.length } : null;
  };

  /** The article as a file; one made while translating says, in it, how many paragraphs have no English yet. */
  const save = (as: 'md' | 'html') => {
    const list = items();
    const gap = missing();
    const note = gap ? t('untranslatedFile', gap) : undefined;
    if (as === 'md') return download(`${slug}.nl-en.md`, bilingualMarkdown(title, list, note), 'text/markdown');
    const exported = t('exportedOn', { date: format.dateTime(new Date(), { dateStyle: 'long' }) });
    download(
      `${slug}.nl-en.html`,
      bilingualHtml(title, list, {
        lang: locale,
        dutch: t('dutch'),
        english: t('english'),
        note: exported,
        untranslated: note,
      }),
      'text/html',
    );
  };
  const describedBy = shownMissing ? `${slug}-untranslated` : undefined;

  return (
    <>
      <div role="group" aria-label={t('export')} className="flex flex-wrap items-center gap-1.5">
        <span aria-hidden="true" className="text-sm text-muted">
          {t('export')}
        </span>
        <button
          type="button"
          disabled={!translator}
          onClick={() => save('md')}
          aria-label={t('exportMarkdown')}
          aria-describedby={describedBy}
          className={button}
        >
          Markdown
        </button>
        <button
          type="button"
          disabled={!translator}
          onClick={() => save('html')}
          aria-label={t('exportHtml')}
          aria-describedby={describedBy}
          className={button}
        >
          HTML
        </button>
      </div>
      {/* On a line of its own under the toolbar's buttons (the parent row wraps). */}
      {shownMissing && (
        <p
          id={`${slug}-untranslated`}
          className="order-last basis-full text-xs text-muted"
          data-testid="export-untranslated"
        >
          {t('untranslated', shownMissing)}
        </p>
      )}
    </>
  );
}
