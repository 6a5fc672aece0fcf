import type { Metadata } from 'next';
import type { Locale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { StoredData } from './_components/stored-data';
import { PageShell } from '@/app/_components/ui/page-shell';
import { GlossaryEditor } from '@/app/_components/glossary/glossary-editor';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Data' });
  return { title: t('title') };
}

export default async function DataPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Data');
  const g = await getTranslations('Glossary');
  return (
    <PageShell width="narrow">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-3 text-muted">{t('intro')}</p>
      <StoredData />
      <section aria-labelledby="data-glossary" className="mt-12 border-t border-rule pt-8">
        <h2 id="data-glossary" className="font-serif text-2xl font-semibold tracking-tight">
          {g('title')}
        </h2>
        <p className="mt-2 text-muted">{g('intro')}</p>
        <GlossaryEditor />
      </section>
    </PageShell>
  );
}
