import { getFormatter, getTranslations } from 'next-intl/server';
import type { ArticleMeta } from '@/lib/content/types';
import { ReaderHeading } from './reader-heading';

export async function ArticleHeader({ article }: { article: ArticleMeta }) {
  const t = await getTranslations('Article');
  const format = await getFormatter();
  return (
    <ReaderHeading title={article.title}>
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
    </ReaderHeading>
  );
}
