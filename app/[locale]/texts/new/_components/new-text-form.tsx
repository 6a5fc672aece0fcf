'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { useRouter } from '@/lib/i18n/navigation';
import { TextInputError } from '@/lib/texts/limits';
import { notice } from '@/app/_components/ui/styles';
import { SubmitButton } from '@/app/_components/ui/submit-button';

const field = 'w-full rounded-md border border-rule bg-paper px-3 py-2 text-ink focus:border-accent';

/**
 * Paste or open a file, then read it. Nothing leaves the browser: the file is read here,
 * parsed here and stored in IndexedDB. A refused text stays in the form, with the reason.
 */
export function NewTextForm() {
  const t = useTranslations('Texts');
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      // The parsers (Markdown, HTML) load only when a text is actually read.
      const { createUserText } = await import('@/lib/texts/create');
      const id = await createUserText(
        { pasted: file ? null : String(data.get('text') ?? ''), file, title: String(data.get('title') ?? '') },
        t('untitled'),
      );
      router.push(`/texts/${id}`);
    } catch (err) {
      const refused = err instanceof TextInputError ? err : new TextInputError('storage');
      // Each message takes the figures its check gives (5 MB, 20,000 paragraphs) and the file's name.
      setError(t(`error.${refused.code}`, { max: 0, count: 0, name: file?.name ?? '', ...refused.detail }));
      setBusy(false);
    }
  };

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setError(null);
  };

  return (
    <form onSubmit={submit} className="mt-8 space-y-6" noValidate>
      <div>
        <label htmlFor="text-title" className="block text-sm font-medium">
          {t('titleLabel')} <span className="font-normal text-muted">{t('optional')}</span>
        </label>
        <input id="text-title" name="title" type="text" autoComplete="off" className={`mt-1 ${field}`} />
      </div>

      <div>
        <label htmlFor="text-body" className="block text-sm font-medium">
          {t('pasteLabel')}
        </label>
        <textarea
          id="text-body"
          name="text"
          lang="nl"
          rows={10}
          spellCheck={false}
          disabled={file !== null}
          placeholder={t('pastePlaceholder')}
          className={`mt-1 font-serif leading-relaxed disabled:opacity-50 ${field}`}
        />
      </div>

      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          choose(e.dataTransfer.files[0] ?? null);
        }}
        data-dragging={dragging || undefined}
        className="rounded-xl border-2 border-dashed border-rule px-4 py-6 text-center data-[dragging]:border-accent data-[dragging]:bg-panel"
      >
        <p className="text-sm text-muted">{t('or')}</p>
        <label
          htmlFor="text-file"
          className="mt-2 inline-block cursor-pointer rounded-full border border-rule px-4 py-1.5 text-sm font-medium hover:border-ink has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent"
        >
          {t('fileLabel')}
          <input
            ref={fileInput}
            id="text-file"
            type="file"
            accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
            className="sr-only"
          />
        </label>
        <p className="mt-2 text-xs text-muted">{t('fileHint')}</p>
        {file && (
          <p className="mt-3 text-sm">
            <span data-testid="chosen-file">{file.name}</span>{' '}
            <button
              type="button"
              onClick={() => {
                choose(null);
                if (fileInput.current) fileInput.current.value = '';
              }}
              className="ml-1 text-muted underline underline-offset-4 hover:text-ink"
            >
              {t('removeFile')}
            </button>
          </p>
        )}
      </div>

      <p className="text-sm text-muted">{t('privacy')}</p>

      {error && (
        <p role="alert" className={notice}>
          {error}
        </p>
      )}

      <SubmitButton busy={busy} label={t('submit')} busyLabel={t('reading')} look="solid" />
    </form>
  );
}
