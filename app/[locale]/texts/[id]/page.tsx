import type { Locale } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { TEXT_ID_PATTERN } from '@/lib/store/text-types';
import { UserTextReader } from './_components/user-text-reader';
import { PageShell } from '@/app/_components/ui/page-shell';

/**
 * A reader's own text. The server knows only the id: the text lives in this browser's
 * IndexedDB and is read and rendered there.
 */
export default async function UserTextPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  if (!TEXT_ID_PATTERN.test(id)) notFound();
  return (
    <PageShell width="article" as="article">
      <UserTextReader id={id} />
    </PageShell>
  );
}
