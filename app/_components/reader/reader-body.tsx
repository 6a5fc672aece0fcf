import { useTranslations } from 'next-intl';
import { isAside, type Block } from '@/lib/content/types';
import { SegmentPair } from './cell/segment-pair';

/**
 * Blocks per `.pair-group`. Off-screen groups skip style, layout and paint (content-visibility), and each
 * group, not each pair, is what the browser checks on every frame: 1,000 pairs make 63 groups.
 */
const GROUP = 16;

function groups(blocks: Block[]): Block[][] {
  const out: Block[][] = [];
  for (let i = 0; i < blocks.length; i += GROUP) out.push(blocks.slice(i, i + GROUP));
  return out;
}

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
        {groups(blocks).map((group) => (
          <div key={group[0]?.id} className="pair-group space-y-6">
            {group.map((block) =>
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
        ))}
      </div>
    </div>
  );
}
