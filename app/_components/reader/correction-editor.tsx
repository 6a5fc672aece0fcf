'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

/** In-place editor for one English paragraph: Ctrl/Cmd+Enter saves, Esc cancels. */
export function CorrectionEditor({ initial, onSave, onCancel }: { initial: string; onSave: (text: string) => void; onCancel: () => void }) {
  const t = useTranslations('Corrections');
  const [text, setText] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const save = () => {
    const value = text.replace(/\s+/g, ' ').trim();
    if (value) onSave(value);
  };

  return (
    <div className="space-y-2">
      <textarea
        ref={ref}
        lang="en"
        value={text}
        aria-label={t('editLabel')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
        rows={Math.min(12, Math.max(3, Math.ceil(text.length / 60)))}
        className="w-full rounded-md border border-rule bg-paper p-2 font-serif text-base leading-relaxed text-ink focus:border-accent"
      />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <button type="button" onClick={save} className="rounded-full bg-ink px-3 py-1 font-medium text-paper hover:opacity-90">
          {t('save')}
        </button>
        <button type="button" onClick={onCancel} className="rounded-full border border-rule px-3 py-1 text-muted hover:text-ink">
          {t('cancel')}
        </button>
        <span className="text-xs text-muted">{t('keys')}</span>
      </div>
    </div>
  );
}
