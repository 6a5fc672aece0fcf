import { getLocale, getTranslations } from 'next-intl/server';
import type { Segment } from '@/lib/content/types';
import { SegmentText } from './segment-text';

/** A Dutch segment and its English counterpart in one grid row, so they stay side by side. */
export async function SegmentPair({ segment }: { segment: Segment }) {
  const t = await getTranslations('Article');
  const locale = await getLocale();
  return (
    <div className="pair" id={segment.id} data-segment={segment.id} data-kind={segment.kind}>
      <div data-lang-col="nl" lang="nl">
        <SegmentText segment={segment} text={segment.text} lang="nl" />
      </div>
      <div data-lang-col="en" lang="en" className="text-ink/90">
        <p lang={locale} className="text-sm italic text-muted" data-state="pending">
          {t('notTranslated')}
        </p>
      </div>
    </div>
  );
}
