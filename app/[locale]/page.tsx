import type { Metadata } from 'next';
import type { Locale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { listArticles } from '@/lib/content/load';
import { webImportEnabled } from '@/lib/web-import/read';
import { connection } from 'next/server';
import { NewsFeeds } from './_components/news-feeds';
import { YourTexts } from './_components/your-texts';
import { PageShell } from '@/app/_components/ui/page-shell';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Library' });
  return { title: t('title') };
}

export default async function LibraryPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Library');
  const format = await getFormatter();
  const articles = listArticles();
  await connection(); // WEB_IMPORT is read per request

  return (
    <PageShell width="text">
      <h1 className="font-serif text-3xl font-semibold tracking-tight sm:text-4xl">{t('heading')}</h1>
      <p className="mt-3 max-w-prose text-muted">{t('intro')}</p>
      {articles.length === 0 ? (
        <p className="mt-10">{t('empty')}</p>
      ) : (
        <ul className="mt-10 divide-y divide-rule border-y border-rule">
          {articles.map((a) => (
            <li key={a.slug} className="py-6">
              <article>
                <h2 lang="nl" className="font-serif text-xl font-semibold leading-snug sm:text-2xl">
                  <Link href={`/read/${a.slug}`} className="hover:text-accent hover:underline">
                    {a.title}
                  </Link>
                </h2>
                <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm text-muted">
                  {a.published && (
                    <time dateTime={a.published}>
                      {format.dateTime(new Date(`${a.published}T12:00:00Z`), { dateStyle: 'long' })}
                    </time>
                  )}
                  <span>{a.source ?? t('sourceUnknown')}</span>
                  <span>{t('paragraphs', { count: a.paragraphCount })}</span>
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
      <YourTexts />
      {webImportEnabled() && <NewsFeeds />}
      <p className="mt-10 text-sm">
        <Link href="/data" className="text-muted underline decoration-rule underline-offset-4 hover:text-ink">
          {t('dataLink')}
        </Link>
      </p>
    </PageShell>
  );
}
