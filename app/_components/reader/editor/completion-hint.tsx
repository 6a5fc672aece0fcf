'use client';

import { useTranslations } from 'next-intl';
import type { SyntheticEvent } from 'react';
import { nextWord } from '@/lib/article/completion';

interface Props {
  id: string;
  ghost: string;
  /** The ghost is drawn after the caret; when it is not (text follows on its line), it is shown here. */
  inline: boolean;
  /** A finger, not a keyboard: no keys to speak of. */
  touch: boolean;
  onTake: (part: string) => void;
}

const chip = 'rounded-full border border-rule bg-paper px-2.5 py-1 font-serif text-sm text-ink hover:border-accent';
/** A press on a chip must not move focus out of the textarea: a phone's keyboard would close. */
const keepFocus = (e: SyntheticEvent) => e.preventDefault();

/**
 * Under the editor while the model suggests the rest of a sentence: the suggestion to tap or click (an on-screen
 * keyboard has no Tab), and the keys, where there is a keyboard to speak of.
 */
export function CompletionHint({ id, ghost, inline, touch, onTake }: Props) {
  const t = useTranslations('Assist');
  const word = nextWord(ghost);
  return (
    <div id={id} className="flex flex-wrap items-center gap-2 text-xs text-muted" data-testid="completion-hint">
      {!inline && (
        <span aria-hidden="true" lang="en" className="font-serif text-sm text-ink/70">
          …{ghost.trim()}
        </span>
      )}
      <button
        type="button"
        className={chip}
        onPointerDown={keepFocus}
        onMouseDown={keepFocus}
        onClick={() => onTake(word)}
        aria-label={t('takeWordLabel', { word: word.trim() })}
      >
        {t('takeWord', { word: word.trim() })}
      </button>
      {word !== ghost && (
        <button
          type="button"
          className={chip}
          onPointerDown={keepFocus}
          onMouseDown={keepFocus}
          onClick={() => onTake(ghost)}
        >
          {t('takeAll')}
        </button>
      )}
      {!touch && <span aria-hidden="true">{t('suggestionHint')}</span>}
      <span className="sr-only">{t(touch ? 'suggestionTouch' : 'suggestion', { text: ghost.trim() })}</span>
    </div>
  );
}
