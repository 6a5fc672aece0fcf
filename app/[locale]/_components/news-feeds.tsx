'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';
import { useWebImportMessage } from '@/app/_components/web/use-web-import-message';
import type { FeedItem, FeedRecord } from '@/lib/store/feed-types';
import { useRouter } from '@/lib/i18n/navigation';
import { openFeedList } from '@/lib/store/open-store';
import { notice } from '@/app/_components/ui/styles';
import { SubmitButton } from '@/app/_components/ui/submit-button';

const field = 'w-full rounded-md border border-rule bg-paper px-3 py-2 text-ink focus:border-accent';
/** Items shown per feed: the newest; the rest are a click on the site away. */
const SHOWN = 8;

/** "News feeds" in the library: the feeds this browser follows and their newest items, each opened as a text. */
export function NewsFeeds() {
  const t = useTranslations('Feeds');
  const message = useWebImportMessage();
  const [feeds, setFeeds] = useState<FeedRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [failures, setFailures] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const stored = await (await openFeedList()).list();
        if (!live) return;
        setFeeds(stored);
        const { refreshStale } = await import('@/lib/feeds/follow');
        const fresh = await refreshStale(stored, (feed, err) => {
          if (live)
            setFailures((f) => ({ ...f, [feed.url]: t('failed', { title: feed.title, reason: message(err) }) }));
        });
        if (live) setFeeds(fresh);
      } catch {
        if (live) setFeeds([]);
      }
    })();
    return () => {
      live = false;
    };
  }, [t, message]);

  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const url = String(new FormData(form).get('feed') ?? '').trim();
    setError(null);
    if (feeds?.some((f) => f.url === url)) return setError(t('already'));
    setBusy(true);
    try {
      const { follow } = await import('@/lib/feeds/follow');
      const feed = await follow(url);
      setFeeds((list) => [...(list ?? []), feed]);
      form.reset();
    } catch (err) {
      setError(message(err, t('storage')));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (url: string) => {
    try {
      await (await openFeedList()).delete(url);
      setFeeds((list) => (list ?? []).filter((f) => f.url !== url));
    } catch {
      setError(t('storage'));
    }
  };

  return (
    <section aria-labelledby="news-feeds" className="mt-14">
      <h2 id="news-feeds" className="font-serif text-2xl font-semibold tracking-tight">
        {t('heading')}
      </h2>
      <p className="mt-2 max-w-prose text-sm text-muted">{t('intro')}</p>
      <form onSubmit={add} noValidate className="mt-4">
        <label htmlFor="feed-url" className="block text-sm font-medium">
          {t('label')}
        </label>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row">
          <input
            id="feed-url"
            name="feed"
            type="url"
            inputMode="url"
            spellCheck={false}
            placeholder="https://…/rss.xml"
            className={field}
          />
          <SubmitButton busy={busy} label={t('add')} busyLabel={t('adding')} look="outline" className="shrink-0" />
        </div>
        {error && (
          <p role="alert" className={`mt-3 ${notice}`}>
            {error}
          </p>
        )}
      </form>
      {feeds?.map((feed) => (
        <Feed key={feed.url} feed={feed} failure={failures[feed.url]} onRemove={() => void remove(feed.url)} />
      ))}
    </section>
  );
}

function Feed({ feed, failure, onRemove }: { feed: FeedRecord; failure?: string; onRemove: () => void }) {
  const t = useTranslations('Feeds');
  return (
    <article className="mt-6" aria-label={feed.title} data-testid="feed">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-rule pb-2">
        <h3 className="font-semibold">{feed.title}</h3>
        <button
          type="button"
          onClick={onRemove}
          className="text-sm text-muted underline decoration-rule underline-offset-4 hover:text-ink"
        >
          {t('remove', { title: feed.title })}
        </button>
      </div>
      {failure && (
        <p role="status" className={`mt-2 ${notice}`} data-testid="feed-failure">
          {failure}
        </p>
      )}
      {feed.items.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{t('none')}</p>
      ) : (
        <ul className="divide-y divide-rule">
          {feed.items.slice(0, SHOWN).map((item) => (
            <FeedEntry key={item.url} item={item} />
          ))}
        </ul>
      )}
    </article>
  );
}

function FeedEntry({ item }: { item: FeedItem }) {
  const t = useTranslations('Feeds');
  const format = useFormatter();
  const message = useWebImportMessage();
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const open = async () => {
    setState({ busy: true, error: null });
    try {
      const [{ fetchArticle }, { createTextFromWeb }] = await Promise.all([
        import('@/lib/web-import/client'),
        import('@/lib/texts/create'),
      ]);
      router.push(`/texts/${await createTextFromWeb(await fetchArticle(item.url))}`);
    } catch (err) {
      setState({ busy: false, error: message(err) });
    }
  };

  return (
    <li className="py-3">
      <button
        type="button"
        lang="nl"
        onClick={() => void open()}
        disabled={state.busy}
        className="text-left font-serif text-lg leading-snug hover:text-accent hover:underline disabled:opacity-60"
      >
        {item.title}
      </button>
      {/* The feed's name is the heading above: each item says only when it was published. */}
      <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-muted empty:hidden">
        {item.published && (
          <time dateTime={new Date(item.published).toISOString()}>
            {format.dateTime(new Date(item.published), { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
        )}
        {state.busy && <span role="status">{t('opening')}</span>}
      </p>
      {state.error && (
        <p role="alert" className={`mt-2 ${notice}`}>
          {state.error}
        </p>
      )}
    </li>
  );
}
