'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from '@/lib/i18n/navigation';
import { storageFailureReason } from '@/lib/store/errors';
import { openTextLibrary } from '@/lib/store/open-store';
import { checkTitle, MAX_TITLE, TextInputError } from '@/lib/texts/limits';
import type { UserTextSummary } from '@/lib/store/text-types';
import { notice, primaryButton } from '@/app/_components/ui/styles';

type State = { status: 'loading' } | { status: 'unavailable' } | { status: 'ready'; texts: UserTextSummary[] };

const small =
  'rounded px-1 py-0.5 text-sm text-muted underline decoration-rule underline-offset-4 hover:text-ink hover:decoration-current';

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
        <Link href="/texts/new" className={primaryButton}>
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
  const format = useFormatter();
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [problem, setProblem] = useState<string | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<'rename' | 'delete' | null>(null);

  // Closing the rename field or the delete question puts focus back on the button that opened it (rendered
  // again only once the row is back in view mode).
  useEffect(() => {
    if (mode !== 'view' || !returnTo.current) return;
    (returnTo.current === 'rename' ? renameButton : deleteButton).current?.focus();
    returnTo.current = null;
  }, [mode]);

  const close = (from: 'rename' | 'delete') => {
    returnTo.current = from;
    setProblem(null);
    setMode('view');
  };
  const open = (next: 'rename' | 'delete') => {
    setProblem(null);
    setMode(next);
  };
  /** A write to storage; when it fails, the row stays as it is and says why. */
  const write = async (
    action: 'rename' | 'delete',
    work: (library: Awaited<ReturnType<typeof openTextLibrary>>) => Promise<void>,
  ) => {
    try {
      await work(await openTextLibrary());
      return true;
    } catch (err) {
      setProblem(t('storageFailed', { action, reason: storageFailureReason(err) }));
      return false;
    }
  };

  return (
    <li className="py-4" data-text-id={text.id}>
      {mode === 'rename' ? (
        <form
          className="flex flex-wrap items-center gap-2"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const typed = String(new FormData(e.currentTarget).get('title') ?? '');
            let title: string;
            try {
              title = checkTitle(typed);
            } catch (err) {
              const detail = err instanceof TextInputError ? err.detail : {};
              return setProblem(t('error.titleTooLong', { max: MAX_TITLE, count: 0, ...detail }));
            }
            if (!title) return setProblem(t('nameEmpty', { title: text.title }));
            if (!(await write('rename', (library) => library.rename(text.id, title)))) return;
            close('rename');
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
            aria-invalid={problem ? true : undefined}
            onKeyDown={(e) => e.key === 'Escape' && close('rename')}
            className="min-w-0 flex-1 rounded-md border border-rule bg-paper px-2 py-1 font-serif text-lg focus:border-accent"
          />
          <button type="submit" className="rounded-full bg-ink px-3 py-1 text-sm font-medium text-paper">
            {t('save')}
          </button>
          <button type="button" onClick={() => close('rename')} className={small}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <h3 lang="nl" className="font-serif text-lg font-semibold leading-snug [overflow-wrap:anywhere]">
          <Link href={`/texts/${text.id}`} className="hover:text-accent hover:underline">
            {text.title}
          </Link>
        </h3>
      )}
      <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
        <time dateTime={new Date(text.updatedAt).toISOString()}>
          {format.dateTime(new Date(text.updatedAt), { dateStyle: 'medium' })}
        </time>
        <span>{t('paragraphs', { count: text.paragraphCount })}</span>
        {text.fileName && <span className="[overflow-wrap:anywhere]">{text.fileName}</span>}
        {mode === 'view' && (
          <>
            <button
              ref={renameButton}
              type="button"
              onClick={() => open('rename')}
              className={small}
              aria-label={t('renameNamed', { title: text.title })}
            >
              {t('rename')}
            </button>
            <button
              ref={deleteButton}
              type="button"
              onClick={() => open('delete')}
              className={small}
              aria-label={t('deleteNamed', { title: text.title })}
            >
              {t('delete')}
            </button>
          </>
        )}
      </div>
      {mode === 'delete' && (
        <div
          role="alertdialog"
          aria-labelledby={`delete-${text.id}`}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            close('delete');
          }}
          className={`mt-2 flex flex-wrap items-center gap-2 ${notice}`}
        >
          <p id={`delete-${text.id}`} className="[overflow-wrap:anywhere]">
            {t('deleteConfirm', { title: text.title })}
          </p>
          <button
            type="button"
            autoFocus
            onClick={async () => {
              if (await write('delete', (library) => library.delete(text.id))) await onChanged();
            }}
            className="rounded-full bg-accent px-3 py-1 font-medium text-paper"
          >
            {t('deleteYes')}
          </button>
          <button type="button" onClick={() => close('delete')} className={small}>
            {t('cancel')}
          </button>
        </div>
      )}
      {problem && (
        <p role="alert" className={`mt-2 text-ink ${notice}`}>
          {problem}
        </p>
      )}
    </li>
  );
}
