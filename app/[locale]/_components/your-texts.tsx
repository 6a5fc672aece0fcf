'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Link } from '@/lib/i18n/navigation';
import { openTextLibrary } from '@/lib/store/open-store';
import type { UserTextSummary } from '@/lib/texts/types';

type State = { status: 'loading' } | { status: 'unavailable' } | { status: 'ready'; texts: UserTextSummary[] };

const small = 'rounded px-1 py-0.5 text-sm text-muted underline decoration-rule underline-offset-4 hover:text-ink hover:decoration-current';

/** "Your texts" in the library: the reader's own texts, from this browser only, to open, rename or delete. */
export function YourTexts() {
  const t = useTranslations('Texts');
  const [state, setState] = useState<State>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      setState({ status: 'ready', texts: await (await openTextLibrary()).list() });
    } catch {
      setState({ status: 'unavailable' });
    }
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the texts exist only in this browser
    void refresh();
  }, [refresh]);

  return (
    <section aria-labelledby="your-texts" className="mt-14">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="your-texts" className="font-serif text-2xl font-semibold tracking-tight">
          {t('heading')}
        </h2>
        <Link href="/texts/new" className="rounded-full bg-ink px-4 py-1.5 text-sm font-medium text-paper hover:opacity-90">
          {t('add')}
        </Link>
      </div>
      {state.status === 'unavailable' ? (
        <p className="mt-4 text-sm text-muted">{t('unavailable')}</p>
      ) : state.status === 'ready' && state.texts.length === 0 ? (
        <p className="mt-4 text-sm text-muted">{t('none')}</p>
      ) : state.status === 'ready' ? (
        <ul className="mt-4 divide-y divide-rule border-y border-rule">
          {state.texts.map((text) => (
            <TextRow key={text.id} text={text} onChanged={refresh} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function TextRow({ text, onChanged }: { text: UserTextSummary; onChanged: () => Promise<void> }) {
  const t = useTranslations('Texts');
  const ta = useTranslations('Article');
  const format = useFormatter();
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');

  return (
    <li className="py-4" data-text-id={text.id}>
      {mode === 'rename' ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            const title = String(new FormData(e.currentTarget).get('title') ?? '').trim();
            if (title) await (await openTextLibrary()).rename(text.id, title);
            setMode('view');
            await onChanged();
          }}
        >
          <label className="sr-only" htmlFor={`rename-${text.id}`}>
            {t('newName')}
          </label>
          <input
            id={`rename-${text.id}`}
            name="title"
            defaultValue={text.title}
            autoFocus
            onKeyDown={(e) => e.key === 'Escape' && setMode('view')}
            className="min-w-0 flex-1 rounded-md border border-rule bg-paper px-2 py-1 font-serif text-lg focus:border-accent"
          />
          <button type="submit" className="rounded-full bg-ink px-3 py-1 text-sm font-medium text-paper">
            {t('save')}
          </button>
          <button type="button" onClick={() => setMode('view')} className={small}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <h3 lang="nl" className="font-serif text-lg font-semibold leading-snug">
          <Link href={`/texts/${text.id}`} className="hover:text-accent hover:underline">
            {text.title}
          </Link>
        </h3>
      )}
      <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
        <time dateTime={new Date(text.updatedAt).toISOString()}>{format.dateTime(new Date(text.updatedAt), { dateStyle: 'medium' })}</time>
        <span>{ta('paragraphs', { count: text.paragraphCount })}</span>
        {text.fileName && <span>{text.fileName}</span>}
        {mode === 'view' && (
          <>
            <button type="button" onClick={() => setMode('rename')} className={small} aria-label={t('renameNamed', { title: text.title })}>
              {t('rename')}
            </button>
            <button type="button" onClick={() => setMode('delete')} className={small} aria-label={t('deleteNamed', { title: text.title })}>
              {t('delete')}
            </button>
          </>
        )}
      </div>
      {mode === 'delete' && (
        <div role="alertdialog" aria-labelledby={`delete-${text.id}`} className="mt-2 flex flex-wrap items-center gap-2 rounded-md border border-accent/40 bg-panel px-3 py-2 text-sm">
          <p id={`delete-${text.id}`}>{t('deleteConfirm', { title: text.title })}</p>
          <button
            type="button"
            autoFocus
            onClick={async () => {
              await (await openTextLibrary()).delete(text.id);
              await onChanged();
            }}
            className="rounded-full bg-accent px-3 py-1 font-medium text-paper"
          >
            {t('deleteYes')}
          </button>
          <button type="button" onClick={() => setMode('view')} className={small}>
            {t('cancel')}
          </button>
        </div>
      )}
    </li>
  );
}
