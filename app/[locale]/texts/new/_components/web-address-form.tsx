'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { useRouter } from '@/lib/i18n/navigation';
import { useWebImportMessage } from '@/app/_components/web/use-web-import-message';
import { notice } from '@/app/_components/ui/styles';
import { SubmitButton } from '@/app/_components/ui/submit-button';

const field = 'w-full rounded-md border border-rule bg-paper px-3 py-2 text-ink focus:border-accent';

/**
 * A web address → the article on that page, kept as one of "Your texts". The address stays in the field
 * whatever goes wrong, with the reason under it.
 */
export function WebAddressForm() {
  const t = useTranslations('WebImport');
  const message = useWebImportMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const url = String(new FormData(e.currentTarget).get('url') ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      const [{ fetchArticle }, { createTextFromWeb }] = await Promise.all([
        import('@/lib/web-import/client'),
        import('@/lib/texts/create'),
      ]);
      const id = await createTextFromWeb(await fetchArticle(url));
      router.push(`/texts/${id}`);
    } catch (err) {
      setError(message(err));
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={submit}
      className="mt-8 rounded-xl border border-rule p-4 sm:p-5"
      noValidate
      aria-labelledby="web-heading"
    >
      <h2 id="web-heading" className="font-serif text-xl font-semibold">
        {t('heading')}
      </h2>
      <label htmlFor="web-url" className="mt-3 block text-sm font-medium">
        {t('label')}
      </label>
      <div className="mt-1 flex flex-col gap-2 sm:flex-row">
        <input
          id="web-url"
          name="url"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          placeholder={t('placeholder')}
          aria-describedby="web-privacy"
          className={field}
        />
        <SubmitButton busy={busy} label={t('submit')} busyLabel={t('reading')} look="solid" className="shrink-0" />
      </div>
      <p id="web-privacy" className="mt-2 text-xs text-muted">
        {t('privacy')}
      </p>
      {error && (
        <p role="alert" className={`mt-3 ${notice}`}>
          {error}
        </p>
      )}
    </form>
  );
}
