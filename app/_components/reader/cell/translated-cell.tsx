'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { dutchSpans, englishSpans } from '@/lib/alignment/align';
import type { Segment } from '@/lib/content/types';
import { CorrectionFailure, type CorrectionAction } from '@/lib/article/article-corrections';
import { readDoubt } from '@/lib/preferences/choices';
import { useChoice } from '@/lib/preferences/use-choice';
import { editRequests } from '@/lib/reading/reader-requests';
import type { ArticleTranslator } from '@/lib/article/article-translator';
import { doubts } from '@/lib/article/confidence';
import { isCorrected, machineTextOf, shownSentences, shownText, type SegmentState } from '@/lib/article/segment-state';
import { CorrectionBar } from './correction-bar';
import { CorrectionEditor } from '../editor/correction-editor';
import { CorrectionFailureNotice } from '../editor/correction-failure';
import { MachineDiff } from './machine-diff';
import { NewerCorrection } from '../editor/newer-correction';
import { SegmentText } from './segment-text';
import { useTermMarks } from './use-term-marks';
import { TermOfferNotice } from './term-offer';
import { termOffer, type TermOffer } from '@/lib/glossary/offer';
import { inlineLink } from '@/app/_components/ui/styles';

interface Props {
  segment: Segment;
  state: SegmentState;
  translator: ArticleTranslator | null;
  /** Kept by EnglishCell, whose element shows it (data-state="editing"). */
  editing: boolean;
  setEditing: (editing: boolean) => void;
}

/**
 * What the English side of a pair shows once there is something to show or do: streaming, translated or
 * corrected, being edited, or failed (for this paragraph alone). A pair still waiting is EnglishCell's.
 */
export function TranslatedCell({ segment, state, translator, editing, setEditing }: Props) {
  const t = useTranslations('Translation');
  const format = useFormatter();
  const locale = useLocale();
  const marks = useChoice(readDoubt, false);
  const editButton = useRef<HTMLButtonElement>(null);
  const [comparing, setComparing] = useState(false);
  const [failure, setFailure] = useState<{ error: CorrectionFailure; retry: () => void } | null>(null);
  // A correction that made the same replacement several times: offered as a glossary entry (term-offer.tsx).
  const [offer, setOffer] = useState<TermOffer | null>(null);
  const wasEditing = useRef(false);
  // The correction the editor opened over: one saved after it, elsewhere, is offered beside the typed text.
  const stamp = state.correction?.updatedAt ?? 0;
  const [openedOver, setOpenedOver] = useState<number | null>(null);
  if (editing && openedOver === null) setOpenedOver(stamp);
  if (!editing && openedOver !== null) setOpenedOver(null);

  // Back from the editor, keyboard focus returns to where it was.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const corrected = isCorrected(state);
  const readable = state.status === 'done' || corrected;
  const canEdit = readable && !editing && translator !== null;

  // The keyboard's `e` on this pair (lib/reading/reader-requests.ts): what the Edit button does.
  useEffect(() => {
    if (!canEdit) return;
    return editRequests.listen((id) => {
      if (id !== segment.id) return;
      setFailure(null);
      setEditing(true);
    });
  }, [canEdit, segment.id, setEditing]);
  const shown = shownText(state);
  const dutch = useMemo(() => dutchSpans(segment.text), [segment.text]);
  const sentences = useMemo(() => shownSentences(state), [state]);
  const spans = useMemo(() => englishSpans(shown, sentences, dutch, corrected), [shown, sentences, dutch, corrected]);
  // Sentences shown from the reader's translation memory rather than the machine's: marked one by one.
  const remembered = useMemo(
    () =>
      corrected || !state.memory ? undefined : new Set(state.memory.flatMap((m, i) => (m.target !== null ? [i] : []))),
    [corrected, state.memory],
  );

  // Sentences with a word the model was unsure of carry data-doubtful (the `d` key finds them); the words are
  // underlined only when the reader asked for the marks.
  const doubtful = useMemo(() => new Map(doubts(state).map((d) => [d.sentence, d.words])), [state]);
  const glossary = useTermMarks(state, segment.id);
  const doubtLabel = (p: number) =>
    t('doubtTitle', { p: format.number(p, { style: 'percent', maximumFractionDigits: 0 }) });

  if (!translator) return <SegmentText segment={segment} text={shown} lang="en" spans={spans} />;
  const corrections = translator.corrections;

  /** Runs a correction command; a failure is shown, with a retry that runs it again. */
  const run = async (action: CorrectionAction, command: () => Promise<void>): Promise<void> => {
    try {
      await command();
      setFailure(null);
    } catch (err) {
      const error = err instanceof CorrectionFailure ? err : new CorrectionFailure(action, 'other');
      setFailure({ error, retry: () => void run(action, command).catch(() => {}) });
      throw error;
    }
  };
  const act = (action: CorrectionAction, command: () => Promise<void>) => () =>
    void run(action, command).catch(() => {});

  if (editing) {
    const close = () => {
      setFailure(null);
      setEditing(false);
      void corrections.drafts.discard(segment.id);
    };
    const newer = openedOver !== null && stamp > openedOver;
    return (
      <CorrectionEditor
        notice={newer && <NewerCorrection text={shown} onUse={close} onKeep={() => setOpenedOver(stamp)} />}
        initial={state.draft ?? shown}
        shown={shown}
        restored={state.draft !== null}
        failure={failure && <CorrectionFailureNotice failure={failure.error} onRetry={failure.retry} />}
        onChange={(text) => corrections.drafts.keep(segment.id, text)}
        complete={(sentence, typed, options) => translator.assist.complete(segment.id, sentence, typed, options)}
        sentences={dutch.length}
        onCancel={close}
        onSave={(text) =>
          run('save', async () => {
            const offered = termOffer(machineTextOf(state), text, segment.text);
            await corrections.save(segment.id, text);
            setOffer(offered);
            setEditing(false); // a retry from the failure notice closes the editor too
          })
        }
      />
    );
  }

  if (readable) {
    return (
      <>
        <SegmentText
          segment={segment}
          text={shown}
          lang="en"
          spans={spans}
          remembered={state.fromMemory ? undefined : remembered}
          rememberedLabel={t('fromMemory')}
          doubts={doubtful}
          doubtLabel={marks ? doubtLabel : undefined}
          terms={glossary.terms}
        />
        {glossary.notes}
        <CorrectionBar
          state={state}
          comparing={comparing}
          editButton={editButton}
          onEdit={() => {
            setFailure(null);
            setEditing(true);
          }}
          onCompare={() => setComparing((c) => !c)}
          onRevert={act('revert', () => corrections.revert(segment.id))}
          onUndo={act('undo', () => corrections.undoLast(segment.id))}
          onConfirm={act('confirm', () => corrections.confirm(segment.id))}
        />
        {failure && <CorrectionFailureNotice failure={failure.error} onRetry={failure.retry} />}
        {offer && <TermOfferNotice offer={offer} onDone={() => setOffer(null)} />}
        {comparing && corrected && (
          <MachineDiff machine={state.correction?.machineText || state.text} corrected={shown} />
        )}
      </>
    );
  }
  if (state.status === 'translating' && state.text) {
    return (
      <div className="text-ink/75">
        <SegmentText segment={segment} text={state.text} lang="en" />
        <span className="sr-only" lang={locale}>
          {t('translating')}
        </span>
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div role="alert" lang={locale} className="rounded-md border border-accent/40 px-3 py-2 text-sm">
        <p>{state.error?.code === 'crashed' ? t('crashedParagraph') : t('failedParagraph')}</p>
        <button type="button" onClick={() => translator.retrySegment(segment.id)} className={`mt-1 ${inlineLink}`}>
          {t('retry')}
        </button>
      </div>
    );
  }
  // Translating, no words yet.
  return (
    <p lang={locale} className="text-sm italic text-muted" data-placeholder="">
      {t('translating')}
    </p>
  );
}
