'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { tidyCorrection } from '@/lib/corrections/tidy';

interface Props {
  initial: string;
  /** The text is a draft kept from before (a reload, a language switch): say so, and do not steal focus. */
  restored: boolean;
  /** Resolves once stored; rejects with what the editor should say, and the editor stays open with the text. */
  onSave: (text: string) => Promise<void>;
  onCancel: () => void;
  onChange: (text: string) => void;
  /** A failure to show under the text (role="alert"), with what the reader can do about it. */
  failure: ReactNode;
}

/** In-place editor for one English paragraph: Ctrl/Cmd+Enter saves, Esc cancels. Line breaks are kept. */
export function CorrectionEditor({ initial, restored, onSave, onCancel, onChange, failure }: Props) {
  const t = useTranslations('Corrections');
  const [text, setText] = useState(initial);
  const [empty, setEmpty] = useState(false);
  const [saving, setSaving] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el || restored) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, [restored]);

  const save = async () => {
    if (saving) return;
    const value = tidyCorrection(text);
    setEmpty(value === '');
    if (!value) return ref.current?.focus();
    setSaving(true);
    try {
      await onSave(value);
    } catch {
      ref.current?.focus(); // the failure is shown by the parent; the text stays here
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="space-y-2">
      {restored && <p className="text-xs font-medium text-accent">{t('draftRestored')}</p>}
      <textarea
        ref={ref}
        lang="en"
        value={text}
        aria-label={t('editLabel')}
        aria-invalid={empty || undefined}
        onChange={(e) => {
          setText(e.target.value);
          setEmpty(false);
          onChange(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
        rows={Math.min(12, Math.max(3, Math.ceil(text.length / 60) + (text.match(/\n/g)?.length ?? 0)))}
        className="w-full rounded-md border border-rule bg-paper p-2 font-serif text-base leading-relaxed text-ink focus:border-accent"
      />
      {empty && (
        <p role="alert" className="rounded-md border border-accent/40 bg-panel px-3 py-2 text-sm text-ink">
          {t('emptyCorrection')}
        </p>
      )}
      {failure}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <button type="button" onClick={() => void save()} disabled={saving} className="rounded-full bg-ink px-3 py-1 font-medium text-paper hover:opacity-90 disabled:opacity-60">
          {saving ? t('saving') : t('save')}
        </button>
        <button type="button" onClick={onCancel} className="rounded-full border border-rule px-3 py-1 text-muted hover:text-ink">
          {t('cancel')}
        </button>
        <span className="text-xs text-muted">{t('keys')}</span>
      </div>
    </div>
  );
}
