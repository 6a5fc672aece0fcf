'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { remember } from '@/lib/local-storage';
import { applyView, parseView, VIEW_KEY, VIEWS, type View } from '@/lib/preferences/preferences';

/** Both columns / Dutch only / English only: kept in ?view= and remembered for the next visit. */
export function ViewToggle() {
  const t = useTranslations('View');
  const [view, setView] = useState<View>('both');

  useEffect(() => {
    // The preferences script already resolved ?view= and storage before paint.
    const current = parseView(document.documentElement.dataset.view) ?? 'both';
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reading a value that only exists in the browser
    setView(current);
    const url = new URL(window.location.href);
    if (url.searchParams.get('view') !== current) {
      url.searchParams.set('view', current);
      window.history.replaceState(window.history.state, '', url);
    }
  }, []);

  const choose = (value: View) => {
    setView(value);
    applyView(value);
    remember(VIEW_KEY, value); // blocked storage: the URL still carries the choice
    const url = new URL(window.location.href);
    url.searchParams.set('view', value);
    window.history.replaceState(window.history.state, '', url);
  };

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
              onChange={() => choose(v)}
              className="sr-only"
            />
            {t(v)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
