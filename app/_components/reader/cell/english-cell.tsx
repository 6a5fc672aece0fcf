'use client';

import { useEffect, useState } from 'react';
import { sourceHash } from '@/lib/content/block-id';
import type { Segment } from '@/lib/content/types';
import { isCorrected } from '@/lib/article/segment-state';
import { useSegmentTranslation } from '@/lib/article/use-article-translation';
import { SegmentText } from './segment-text';
import { TranslatedCell } from './translated-cell';
import { useTranslationContext } from '../translation-provider';

/**
 * The English side of a pair. A 1,000-paragraph article hydrates 1,000 of these while nearly all still
 * wait for English, so a waiting cell is kept light: one subscription and one observer, its label from
 * the provider. Memos, labels and the correction bar come with TranslatedCell, once there is English.
 * (Hydration's objects are what the page's first garbage collections copy: bench (c).) The cell's own
 * element stays the same throughout, so what watches its data-state (the announcer) sees it change.
 */
export function EnglishCell({ segment }: { segment: Segment }) {
  const { translator, observe, labels } = useTranslationContext();
  const state = useSegmentTranslation(translator, segment.id);
  const [editing, setEditing] = useState(false);

  // Only a pair still waiting for its English is watched: every observed element is checked on every
  // frame, and on a 1,000-paragraph article that check was a large part of each frame.
  const isWaiting = state.status === 'waiting';
  useEffect(() => {
    // The pair carries the segment's id (SegmentPair).
    const pair = document.getElementById(segment.id);
    if (!pair || !translator || !isWaiting) return;
    return observe(pair, segment.id);
  }, [observe, segment.id, translator, isWaiting]);

  // The quick-open slot is keyed by the Dutch text's hash (lib/quick-open/).
  const slot = sourceHash(segment.text);
  const corrected = isCorrected(state);
  const readable = state.status === 'done' || corrected;
  // An open editor stays open whatever happens to the machine text (another tab clearing it, say): what the
  // reader is typing is never dropped. A draft kept from before (a reload, a language switch) reopens it.
  const isEditing = (editing || state.draft !== null) && translator !== null;
  return (
    <div
      data-state={isEditing ? 'editing' : readable ? 'done' : state.status}
      data-correction={state.correction?.status ?? 'none'}
      aria-busy={state.status === 'translating'}
    >
      {isWaiting && !corrected && !isEditing ? (
        <>
          <SegmentText segment={segment} text="" lang="en" quickOpen={slot} />
          <p lang={labels.locale} className="text-sm italic text-muted" data-placeholder="">
            {labels.waiting}
          </p>
        </>
      ) : (
        <TranslatedCell
          segment={segment}
          state={state}
          translator={translator}
          editing={isEditing}
          setEditing={setEditing}
        />
      )}
    </div>
  );
}
