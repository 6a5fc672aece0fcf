import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

export default async function NotFound() {
  const t = await getTranslations('NotFound');
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6">
      <p className="font-serif text-6xl text-muted" aria-hidden="true">
        404
      </p>
      <h1 className="mt-4 font-serif text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-3 text-muted">{t('body')}</p>
      <p className="mt-8">
        <Link href="/" className="rounded-full bg-ink px-5 py-2.5 font-medium text-paper hover:opacity-90">
          {t('back')}
        </Link>
      </p>
    </div>
  );
}
