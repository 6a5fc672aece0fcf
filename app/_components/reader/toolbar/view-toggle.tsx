'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { keepViewInAddress, readView, setView } from '@/lib/preferences/choices';
import { VIEWS } from '@/lib/preferences/preferences';
import { useChoice } from '@/lib/preferences/use-choice';

/** Both columns / Dutch only / English only: kept in ?view= and remembered for the next visit. */
export function ViewToggle() {
  const t = useTranslations('View');
  const view = useChoice(readView, 'both');
  // The preferences script resolved ?view= and storage before paint; the address says so from now on.
  useEffect(() => keepViewInAddress(), []);

  return (
    <fieldset className="flex flex-wrap items-center gap-3">
      <legend className="sr-only">{t('label')}</legend>
      <span aria-hidden="true" className="text-sm text-muted">
        {t('label')}
      </span>
      <div className="flex rounded-full border border-rule p-0.5">
        {VIEWS.map((v) => (
          <label
            key={v}
            className="cursor-pointer rounded-full px-3 py-1 text-sm font-medium text-muted has-[:checked]:bg-ink has-[:checked]:text-paper has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent"
          >
            <input
              type="radio"
              name="view"
              value={v}
              checked={view === v}
              onChange={() => setView(v)}
              className="sr-only"
            />
            {t(v)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
