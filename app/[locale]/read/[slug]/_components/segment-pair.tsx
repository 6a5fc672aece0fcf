import type { Segment } from '@/lib/content/types';
import { EnglishCell } from './english-cell';
import { SegmentText } from './segment-text';

/** A Dutch segment and its English counterpart in one grid row, so they stay side by side. */
export function SegmentPair({ segment }: { segment: Segment }) {
  return (
    <div className="pair" id={segment.id} data-segment={segment.id} data-kind={segment.kind}>
      <div data-lang-col="nl" lang="nl">
        <SegmentText segment={segment} text={segment.text} lang="nl" />
      </div>
      <div data-lang-col="en" lang="en">
        <EnglishCell segment={segment} />
      </div>
    </div>
  );
}
