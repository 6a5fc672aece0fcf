'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { entryProblem, variantsOf, type EntryInput } from '@/lib/glossary/entry';
import type { GlossaryEntry } from '@/lib/store/glossary-types';
import { checkBox, checkToggle, pillButton, primaryButton } from '@/app/_components/ui/styles';

interface Props {
  /** The entry being edited, or none for a new one. */
  entry?: GlossaryEntry;
  /** Saves; rejects with the words to show, and the form keeps what was typed. */
  onSave: (input: EntryInput) => Promise<void>;
  onCancel?: () => void;
}

const field = 'mt-1 w-full rounded-md border border-rule bg-paper px-3 py-2 font-serif text-base';

/** A glossary entry's fields: Dutch, English, other Dutch forms, capitals, a note. */
export function EntryForm({ entry, onSave, onCancel }: Props) {
  const t = useTranslations('Glossary');
  const id = useId();
  const [source, setSource] = useState(entry?.source ?? '');
  const [target, setTarget] = useState(entry?.target ?? '');
  const [variants, setVariants] = useState(entry?.variants.join('\n') ?? '');
  const [caseSensitive, setCaseSensitive] = useState(entry?.caseSensitive ?? false);
  const [note, setNote] = useState(entry?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const input = { source, target, variants: variantsOf(variants), caseSensitive, note };
    const problem = entryProblem(input);
    if (problem) return setError(t('entryProblem', { problem }));
    setBusy(true);
    try {
      await onSave(input);
      setError(null);
      if (!entry) {
        setSource('');
        setTarget('');
        setVariants('');
        setCaseSensitive(false);
        setNote('');
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="grid gap-3 rounded-lg border border-rule bg-panel p-4 sm:grid-cols-2"
      data-testid={entry ? 'glossary-edit-form' : 'glossary-add-form'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="text-sm font-medium">
        {t('dutch')}
        <input lang="nl" className={field} value={source} onChange={(e) => setSource(e.target.value)} name="source" />
      </label>
      <label className="text-sm font-medium">
        {t('english')}
        <input lang="en" className={field} value={target} onChange={(e) => setTarget(e.target.value)} name="target" />
      </label>
      <label className="text-sm font-medium">
        {t('variants')}
        <textarea
          lang="nl"
          rows={2}
          className={field}
          value={variants}
          aria-describedby={`${id}-variants`}
          onChange={(e) => setVariants(e.target.value)}
          name="variants"
        />
        <span id={`${id}-variants`} className="mt-1 block text-xs font-normal text-muted">
          {t('variantsHint')}
        </span>
      </label>
      <label className="text-sm font-medium">
        {t('note')}
        <textarea rows={2} className={field} value={note} onChange={(e) => setNote(e.target.value)} name="note" />
      </label>
      <label className={`${checkToggle} sm:col-span-2`}>
        <input
          type="checkbox"
          className={checkBox}
          checked={caseSensitive}
          onChange={(e) => setCaseSensitive(e.target.checked)}
          name="caseSensitive"
        />
        {t('caseSensitive')}
      </label>
      {error && (
        <p role="alert" className="text-sm text-accent sm:col-span-2">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <button type="submit" className={primaryButton} disabled={busy}>
          {entry ? t('save') : t('add')}
        </button>
        {onCancel && (
          <button type="button" className={pillButton} onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
