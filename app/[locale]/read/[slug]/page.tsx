import type { Metadata } from 'next';
import type { Locale } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { articleSlugs, getArticle } from '@/lib/content/load';
import { routing } from '@/lib/i18n/routing';
import { segmentsOf } from '@/lib/content/types';
import { sourceHash } from '@/lib/content/block-id';
import { quickOpenScript } from '@/lib/quick-open/inline-script';
import { ArticleHeader } from '@/app/_components/reader/article-header';
import { ReaderBody } from '@/app/_components/reader/reader-body';
import { ReaderToolbar } from '@/app/_components/reader/toolbar/reader-toolbar';
import { TranslationProvider } from '@/app/_components/reader/translation-provider';
import { PageShell } from '@/app/_components/ui/page-shell';

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

  // The very objects the pairs get: the page's data for the client sends each object once and refers to
  // it after, so a 1,000-paragraph article does not carry (and parse) its Dutch text twice more.
  const segments = segmentsOf(article.blocks);

  return (
    <PageShell width="article" as="article">
      {/* Paints this browser's stored English as the paragraphs arrive, before the app's JavaScript
          has loaded (lib/quick-open/). */}
      <script
        dangerouslySetInnerHTML={{
          __html: quickOpenScript(
            segments.map((s) => sourceHash(s.text)),
            article.slug,
          ),
        }}
      />
      <ArticleHeader article={article} />
      <TranslationProvider segments={segments} article={article.slug} quickOpen>
        <ReaderToolbar title={article.title} slug={article.slug} />
        <ReaderBody blocks={article.blocks} />
      </TranslationProvider>
    </PageShell>
  );
}
