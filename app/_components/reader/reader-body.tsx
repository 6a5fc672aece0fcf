import { useTranslations } from 'next-intl';
import { isAside, type Block } from '@/lib/content/types';
import { SegmentPair } from './segment-pair';

/** The pairs, in reading order. Shared by the server-rendered articles and the reader's own texts. */
export function ReaderBody({ blocks }: { blocks: Block[] }) {
  const t = useTranslations('Article');
  return (
    <div className="reader-body">
      <div className="pair-head mb-4 grid border-b border-rule pb-2 text-xs font-semibold uppercase tracking-[0.14em] text-muted">
        <div data-lang-col="nl">{t('dutch')}</div>
        <div data-lang-col="en">{t('english')}</div>
      </div>
      <div className="space-y-6">
        {blocks.map((block) =>
          isAside(block) ? (
            <aside
              key={block.id}
              id={block.id}
              aria-label={t('related')}
              className="rounded-xl border border-rule bg-panel px-5 py-5 sm:px-6"
            >
              <div className="space-y-3">
                {block.items.map((item) => (
                  <SegmentPair key={item.id} segment={item} />
                ))}
              </div>
            </aside>
          ) : (
            <SegmentPair key={block.id} segment={block} />
          ),
        )}
      </div>
    </div>
  );
}
