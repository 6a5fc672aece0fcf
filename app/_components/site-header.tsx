import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { LocaleSwitcher } from './locale-switcher';
import { ThemeToggle } from './theme-toggle';

export async function SiteHeader() {
  const t = await getTranslations('Site');
  const g = await getTranslations('Glossary');
  return (
    <header className="no-print border-b border-rule">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="group flex items-baseline gap-2 no-underline">
          <span className="font-serif text-xl font-semibold tracking-tight">{t('name')}</span>
          <span className="hidden text-sm text-muted sm:inline">{t('tagline')}</span>
        </Link>
        <div className="flex items-center gap-2">
          <Link href="/glossary" className="hidden rounded-full px-2 py-1 text-sm text-muted hover:text-ink sm:inline">
            {g('navLink')}
          </Link>
          <Link href="/data" className="hidden rounded-full px-2 py-1 text-sm text-muted hover:text-ink sm:inline">
            {t('dataLink')}
          </Link>
          <LocaleSwitcher />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
