'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import { ReaderBody } from '@/app/_components/reader/reader-body';
import { ReaderHeading } from '@/app/_components/reader/reader-heading';
import { ReaderToolbar } from '@/app/_components/reader/toolbar/reader-toolbar';
import { TranslationProvider } from '@/app/_components/reader/translation-provider';
import { segmentsOf } from '@/lib/content/types';
import { Link } from '@/lib/i18n/navigation';
import { openTextLibrary } from '@/lib/store/open-store';
import { TEXT_ID_PATTERN, type UserText, type WebSource } from '@/lib/store/text-types';

type Loaded = { status: 'loading' } | { status: 'missing' } | { status: 'ready'; text: UserText };

/** The same reader as for articles (cache, corrections, keyboard, export), over a text from IndexedDB. */
export function UserTextReader({ id: rendered }: { id: string }) {
  const t = useTranslations('Texts');
  // Offline, the service worker answers a text never opened online with the page of another text (the
  // server renders the same shell for every id): the address bar names the text to open.
  const [id] = useState(() => {
    const fromAddress = typeof location === 'undefined' ? null : location.pathname.split('/').pop();
    return fromAddress && TEXT_ID_PATTERN.test(fromAddress) ? fromAddress : rendered;
  });
  const format = useFormatter();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    openTextLibrary()
      .then((library) => library.get(id))
      .catch(() => null)
      .then((text) => {
        if (live) setLoaded(text ? { status: 'ready', text } : { status: 'missing' });
      });
    return () => {
      live = false;
    };
  }, [id]);

  const text = loaded.status === 'ready' ? loaded.text : null;
  const segments = useMemo(
    () => (text ? segmentsOf(text.blocks).map(({ id: sid, text: s, kind }) => ({ id: sid, text: s, kind })) : []),
    [text],
  );

  useEffect(() => {
    if (text) document.title = `${text.title} · Tweetalig`;
  }, [text]);

  if (loaded.status === 'loading') {
    return (
      <p className="py-16 text-center text-muted" aria-busy="true">
        {t('loading')}
      </p>
    );
  }
  if (!text) {
    return (
      <div className="mx-auto max-w-prose py-16 text-center">
        <h1 className="font-serif text-2xl font-semibold">{t('missingTitle')}</h1>
        <p className="mt-3 text-muted">{t('missingBody')}</p>
        <Link href="/" className="mt-6 inline-block underline underline-offset-4">
          {t('backToLibrary')}
        </Link>
      </div>
    );
  }

  return (
    <>
      <ReaderHeading title={text.title}>
        {text.source ? <WebSourceLine source={text.source} /> : <span>{t('yourText')}</span>}
        {text.fileName && <span>{text.fileName}</span>}
        <time dateTime={new Date(text.createdAt).toISOString()}>
          {format.dateTime(dateOf(text), { dateStyle: 'long' })}
        </time>
        <span>{t('paragraphs', { count: text.paragraphCount })}</span>
      </ReaderHeading>
      <TranslationProvider segments={segments} article={`text:${text.id}`}>
        <ReaderToolbar title={text.title} slug={slugOf(text.title)} />
        <ReaderBody blocks={text.blocks} />
      </TranslationProvider>
    </>
  );
}

/** A web article's own date when it gives one, else the day the reader added the text. */
function dateOf(text: UserText): Date {
  const published = text.source?.published ? new Date(text.source.published) : null;
  return published && Number.isFinite(published.getTime()) ? published : new Date(text.createdAt);
}

/** Where a web article came from: its site, author, and a link back to the original. */
function WebSourceLine({ source }: { source: WebSource }) {
  const t = useTranslations('WebImport');
  const site = source.siteName ?? new URL(source.url).hostname;
  return (
    <>
      <span>{t('from', { site })}</span>
      {source.byline && <span lang="nl">{source.byline}</span>}
      <a
        href={source.url}
        rel="noreferrer noopener"
        target="_blank"
        className="underline underline-offset-4 hover:text-ink"
        data-testid="web-source"
      >
        {t('original')}
      </a>
    </>
  );
}

/** A file-name-safe version of a title, for exports. */
function slugOf(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'tekst'
  );
}
