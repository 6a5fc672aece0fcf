'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { recall, remember } from '@/lib/local-storage';
import { parseTheme, THEME_KEY, THEMES, type Theme } from '@/lib/preferences/preferences';

function apply(theme: Theme) {
  const dark = theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
}

/** Cycles system → light → dark. "System" keeps following the OS while the page is open. */
export function ThemeToggle() {
  const t = useTranslations('Theme');
  const [theme, setTheme] = useState<Theme>('system');

  useEffect(() => {
    // Storage blocked: nothing is recalled, and a choice lasts for this page only.
    const stored = parseTheme(recall(THEME_KEY));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncing with storage that only exists in the browser
    if (stored) setTheme(stored);
  }, []);

  useEffect(() => {
    if (theme !== 'system') return;
    const query = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => apply('system');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [theme]);

  const next = () => {
    const value = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length] ?? 'system';
    setTheme(value);
    apply(value);
    remember(THEME_KEY, value);
  };

  return (
    <button
      type="button"
      onClick={next}
      aria-label={t('label', { theme: t(theme) })}
      className="flex items-center gap-1.5 rounded-full border border-rule px-3 py-1 text-sm text-muted hover:text-ink"
    >
      <span aria-hidden="true">{theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}</span>
      <span aria-hidden="true">{t(theme)}</span>
    </button>
  );
}
