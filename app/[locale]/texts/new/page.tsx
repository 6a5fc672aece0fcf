import type { Metadata } from 'next';
import type { Locale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { connection } from 'next/server';
import { webImportEnabled } from '@/lib/web-import/read';
import { NewTextForm } from './_components/new-text-form';
import { WebAddressForm } from './_components/web-address-form';
import { PageShell } from '@/app/_components/ui/page-shell';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Texts' });
  return { title: t('newTitle') };
}

export default async function NewTextPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Texts');
  // WEB_IMPORT is read per request, so switching the feature off needs a restart, not a rebuild.
  await connection();
  return (
    <PageShell width="text">
      <h1 className="font-serif text-3xl font-semibold tracking-tight sm:text-4xl">{t('newTitle')}</h1>
      <p className="mt-3 max-w-prose text-muted">{t('newIntro')}</p>
      {webImportEnabled() && <WebAddressForm />}
      <NewTextForm />
    </PageShell>
  );
}
