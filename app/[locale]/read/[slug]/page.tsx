import type { Metadata } from 'next';
import type { Locale } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { articleSlugs, getArticle } from '@/lib/content/load';
import { routing } from '@/lib/i18n/routing';
import { segmentsOf } from '@/lib/content/types';
import { ArticleHeader } from './_components/article-header';
import { ExportMarkdown } from './_components/export-markdown';
import { ProgressPanel } from './_components/progress-panel';
import { ReaderBody } from './_components/reader-body';
import { TranslationProvider } from './_components/translation-provider';
import { ViewToggle } from './_components/view-toggle';

type Params = Promise<{ locale: Locale; slug: string }>;

// Every article is rendered at build time: the Dutch text is in the HTML before any JavaScript runs.
export function generateStaticParams() {
  return routing.locales.flatMap((locale) => articleSlugs().map((slug) => ({ locale, slug })));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const article = getArticle(slug);
  return article ? { title: article.title } : {};
}

export default async function ReaderPage({ params }: { params: Params }) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  // The slug is only a key into the parsed content; it is never used to build a file path.
  const article = getArticle(slug);
  if (!article) notFound();

  const segments = segmentsOf(article.blocks).map(({ id, text, kind }) => ({ id, text, kind }));

  return (
    <article className="mx-auto max-w-6xl px-4 pb-24 pt-8 sm:px-6 sm:pt-12">
      <ArticleHeader article={article} />
      <TranslationProvider segments={segments} article={article.slug}>
        <div className="no-print sticky top-0 z-10 -mx-4 mb-6 space-y-2 border-b border-rule bg-paper px-4 py-2 sm:-mx-6 sm:px-6">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <ViewToggle />
            <ExportMarkdown title={article.title} slug={article.slug} />
          </div>
          <ProgressPanel />
        </div>
        <ReaderBody blocks={article.blocks} />
      </TranslationProvider>
    </article>
  );
}
