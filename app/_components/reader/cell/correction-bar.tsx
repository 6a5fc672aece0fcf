'use client';

import { useTranslations } from 'next-intl';
import type { RefObject } from 'react';
import { isCorrected, type SegmentState } from '@/lib/article/segment-state';

interface Props {
  state: SegmentState;
  comparing: boolean;
  editButton: RefObject<HTMLButtonElement | null>;
  onEdit: () => void;
  onCompare: () => void;
  onRevert: () => void;
  onUndo: () => void;
  onConfirm: () => void;
}

const button =
  'rounded px-1 py-0.5 underline decoration-rule underline-offset-4 hover:text-ink hover:decoration-current';

/** A quiet line under an English paragraph: its status, and what the reader can do with it. */
export function CorrectionBar({ state, comparing, editButton, onEdit, onCompare, onRevert, onUndo, onConfirm }: Props) {
  const t = useTranslations('Corrections');
  const corrected = isCorrected(state);
  const status = state.correction?.status;
  return (
    <div
      className="no-print mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted"
      data-testid="correction-bar"
    >
      {state.fromMemory ? (
        <span className="rounded-full bg-panel px-2 py-0.5 font-medium text-accent" data-mark="memory">
          {t('fromMemory')}
        </span>
      ) : status === 'confirmed' ? (
        <span className="rounded-full bg-panel px-2 py-0.5 font-medium text-ink" data-mark="confirmed">
          ✓ {t('confirmed')}
        </span>
      ) : status === 'edited' ? (
        <span className="rounded-full bg-panel px-2 py-0.5 font-medium text-accent" data-mark="edited">
          {t('edited')}
        </span>
      ) : null}
      <button ref={editButton} type="button" data-action="edit" onClick={onEdit} className={button}>
        {t('edit')}
      </button>
      {corrected && (
        <button type="button" onClick={onCompare} aria-expanded={comparing} className={button}>
          {comparing ? t('hideCompare') : t('compare')}
        </button>
      )}
      {corrected && (
        <button
          type="button"
          onClick={onRevert}
          disabled={state.machinePending}
          className={`${button} disabled:opacity-60`}
        >
          {t('revert')}
        </button>
      )}
      {state.machinePending && (
        <span role="status" className="italic" data-testid="machine-pending">
          {t('translatingForRevert')}
        </span>
      )}
      {state.canUndo && (
        <button type="button" onClick={onUndo} className={button}>
          {t('undo')}
        </button>
      )}
      {status !== 'confirmed' && (
        <button type="button" onClick={onConfirm} className={button}>
          {t('confirm')}
        </button>
      )}
    </div>
  );
}
