import { dutchSpans } from '@/lib/alignment/align';
import type { Segment } from '@/lib/content/types';
import { EnglishCell } from './english-cell';
import { SegmentText } from './segment-text';

/**
 * A Dutch segment and its English counterpart in one grid row, so they stay side by side.
 * The pair takes focus from the keyboard shortcuts (j/k), not from Tab.
 */
export function SegmentPair({ segment }: { segment: Segment }) {
  return (
    <div className="pair" id={segment.id} data-segment={segment.id} data-kind={segment.kind} tabIndex={-1}>
      <div data-lang-col="nl" lang="nl">
        <SegmentText segment={segment} text={segment.text} lang="nl" spans={dutchSpans(segment.text)} />
      </div>
      <div data-lang-col="en" lang="en">
        <EnglishCell segment={segment} />
      </div>
    </div>
  );
}
