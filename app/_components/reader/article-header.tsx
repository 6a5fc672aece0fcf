import { getFormatter, getTranslations } from 'next-intl/server';
import type { ArticleMeta } from '@/lib/content/types';

export async function ArticleHeader({ article }: { article: ArticleMeta }) {
  const t = await getTranslations('Article');
  const format = await getFormatter();
  return (
    <header className="mx-auto mb-8 max-w-3xl text-center">
      <h1 lang="nl" className="text-balance font-serif text-3xl font-semibold leading-tight tracking-tight sm:text-[2.6rem]">
        {article.title}
      </h1>
      <p className="mt-4 flex flex-wrap justify-center gap-x-3 gap-y-1 text-sm text-muted">
        <span>{article.source ?? t('sourceUnknown')}</span>
        {article.published && (
          <time dateTime={article.published}>
            {format.dateTime(new Date(`${article.published}T12:00:00Z`), { dateStyle: 'long' })}
          </time>
        )}
        <span>{t('paragraphs', { count: article.paragraphCount })}</span>
        {article.url && (
          <a href={article.url} className="underline decoration-rule underline-offset-4 hover:text-ink" rel="noreferrer">
            {t('original')}
          </a>
        )}
      </p>
    </header>
  );
}
