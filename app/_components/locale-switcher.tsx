'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';

const LABELS = { nl: 'Nederlands', en: 'English' } as const;

/** Switches the interface language and stays on the same page (the view is restored from storage). */
export function LocaleSwitcher() {
  const t = useTranslations('Site');
  const locale = useLocale();
  const pathname = usePathname();
  return (
    <nav aria-label={t('language')} className="flex rounded-full border border-rule p-0.5 text-sm">
      {routing.locales.map((l) => (
        <Link
          key={l}
          href={pathname}
          locale={l}
          lang={l}
          hrefLang={l}
          aria-current={l === locale ? 'true' : undefined}
          className="rounded-full px-2.5 py-1 font-medium uppercase tracking-wide text-muted hover:text-ink aria-[current]:bg-ink aria-[current]:text-paper"
        >
          <span aria-hidden="true">{l}</span>
          <span className="sr-only">{LABELS[l]}</span>
        </Link>
      ))}
    </nav>
  );
}
