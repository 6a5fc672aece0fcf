'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef } from 'react';

/**
 * Cancel (or Esc) on an editor holding typed text: asked in place, before anything is let go. "Keep editing" has
 * the focus, so a second Esc or an Enter pressed in haste loses nothing.
 */
export function DiscardQuestion({ onDiscard, onKeep }: { onDiscard: () => void; onKeep: () => void }) {
  const t = useTranslations('Corrections');
  const keep = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => keep.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-labelledby={id}
      className="flex flex-wrap items-center gap-2 rounded-md border border-accent/50 bg-panel px-3 py-2 text-sm text-ink"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onKeep();
      }}
    >
      <p id={id} className="w-full sm:w-auto">
        {t('discardAsk')}
      </p>
      <button
        ref={keep}
        type="button"
        onClick={onKeep}
        className="rounded-full bg-ink px-3 py-1 font-medium text-paper hover:opacity-90"
      >
        {t('keepEditing')}
      </button>
      <button
        type="button"
        onClick={onDiscard}
        className="rounded-full border border-rule px-3 py-1 text-muted hover:text-ink"
      >
        {t('discard')}
      </button>
    </div>
  );
}
