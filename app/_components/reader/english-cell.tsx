'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { dutchSpans, englishSpans } from '@/lib/alignment/align';
import { hashText, normalizeText } from '@/lib/content/block-id';
import type { Segment } from '@/lib/content/types';
import { shownText } from '@/lib/translation/segment-state';
import { useSegmentTranslation } from '@/lib/translation/use-article-translation';
import { CorrectionBar } from './correction-bar';
import { CorrectionEditor } from './correction-editor';
import { MachineDiff } from './machine-diff';
import { SegmentText } from './segment-text';
import { useTranslationContext } from './translation-provider';

/** The English side of a pair: waiting, streaming, translated or corrected, or failed (for this paragraph alone). */
export function EnglishCell({ segment }: { segment: Segment }) {
  const t = useTranslations('Translation');
  const locale = useLocale();
  const { translator, observe } = useTranslationContext();
  const state = useSegmentTranslation(translator, segment.id);
  const ref = useRef<HTMLDivElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [comparing, setComparing] = useState(false);
  const wasEditing = useRef(false);

  // Only a pair still waiting for its English is watched: every observed element is checked on every
  // frame, and on a 1,000-paragraph article that check was a large part of each frame.
  const waiting = state.status === 'waiting';
  useEffect(() => {
    const pair = ref.current?.closest('[data-segment]');
    if (!pair || !translator || !waiting) return;
    return observe(pair, segment.id);
  }, [observe, segment.id, translator, waiting]);

  // Back from the editor, keyboard focus returns to where it was.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const corrected = state.correction !== null && state.correction.status !== 'machine';
  const readable = state.status === 'done' || corrected;
  const shown = shownText(state);
  const dutch = useMemo(() => dutchSpans(segment.text), [segment.text]);
  const hash = useMemo(() => hashText(normalizeText(segment.text)), [segment.text]);
  const spans = useMemo(() => englishSpans(shown, state.sentences, dutch, corrected), [shown, state.sentences, dutch, corrected]);

  if (editing && translator) {
    return (
      <div ref={ref} data-state="editing">
        <CorrectionEditor
          initial={shown}
          onCancel={() => setEditing(false)}
          onSave={(text) => {
            setEditing(false);
            void translator.saveCorrection(segment.id, text);
          }}
        />
      </div>
    );
  }

  return (
    <div ref={ref} data-state={readable ? 'done' : state.status} data-correction={state.correction?.status ?? 'none'} aria-busy={state.status === 'translating'}>
      {readable ? (
        <>
          <SegmentText segment={segment} text={shown} lang="en" spans={spans} />
          {translator && (
            <CorrectionBar
              state={state}
              comparing={comparing}
              editButton={editButton}
              onEdit={() => setEditing(true)}
              onCompare={() => setComparing((c) => !c)}
              onRevert={() => void translator.revert(segment.id)}
              onUndo={() => void translator.undoLast(segment.id)}
              onConfirm={() => void translator.confirm(segment.id)}
            />
          )}
          {comparing && corrected && <MachineDiff machine={state.correction?.machineText || state.text} corrected={shown} />}
        </>
      ) : state.status === 'translating' && state.text ? (
        <div className="text-ink/75">
          <SegmentText segment={segment} text={state.text} lang="en" />
          <span className="sr-only" lang={locale}>
            {t('translating')}
          </span>
        </div>
      ) : state.status === 'error' ? (
        <div role="alert" lang={locale} className="rounded-md border border-accent/40 px-3 py-2 text-sm">
          <p>{state.error?.code === 'crashed' ? t('crashedParagraph') : t('failedParagraph')}</p>
          <button type="button" onClick={() => translator?.retrySegment(segment.id)} className="mt-1 font-medium text-accent underline underline-offset-4">
            {t('retry')}
          </button>
        </div>
      ) : (
        <>
          {state.status === 'waiting' && <SegmentText segment={segment} text="" lang="en" prepaint={hash} />}
          <p lang={locale} className="text-sm italic text-muted" data-placeholder="">
            {state.status === 'translating' ? t('translating') : t('waiting')}
          </p>
        </>
      )}
    </div>
  );
}
