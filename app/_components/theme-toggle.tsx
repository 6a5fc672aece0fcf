'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { nextTheme, paintTheme, readTheme } from '@/lib/preferences/choices';
import { useChoice } from '@/lib/preferences/use-choice';
import { pillButton } from '@/app/_components/ui/styles';

/** Cycles system → light → dark. "System" keeps following the OS while the page is open. */
export function ThemeToggle() {
  const t = useTranslations('Theme');
  const theme = useChoice(readTheme, 'system');

  useEffect(() => {
    if (theme !== 'system') return;
    const query = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => paintTheme('system');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [theme]);

  return (
    <button
      type="button"
      onClick={nextTheme}
      aria-label={t('label', { theme: t(theme) })}
      className={`flex items-center gap-1.5 ${pillButton}`}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}</span>
      <span aria-hidden="true">{t(theme)}</span>
    </button>
  );
}
