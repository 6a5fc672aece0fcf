'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { tidyCorrection } from '@/lib/corrections/tidy';
import { useCoarsePointer } from '@/app/_components/use-coarse-pointer';
import { CompletionHint } from './completion-hint';
import { DiscardQuestion } from './discard-question';
import type { CompleteFn } from './use-completion';
import { useSuggestion } from './use-suggestion';
import { notice as noticeBox } from '@/app/_components/ui/styles';

/** The textarea's box and type, shared with the ghost text behind it so the two line up exactly. */
const BOX = 'rounded-md border p-2 font-serif text-base leading-relaxed';

interface Props {
  initial: string;
  /** What the paragraph shows without this editor: leaving with anything else typed asks first. */
  shown: string;
  /** The text is a draft kept from before (a reload, a language switch): say so, and do not steal focus. */
  restored: boolean;
  /** Resolves once stored; rejects with what the editor should say, and the editor stays open with the text. */
  onSave: (text: string) => Promise<void>;
  onCancel: () => void;
  onChange: (text: string) => void;
  /** A failure to show under the text (role="alert"), with what the reader can do about it. */
  failure: ReactNode;
  /** Above the text: news from elsewhere (another tab saved this paragraph). */
  notice?: ReactNode;
  /** The model's completion of the sentence being typed (absent: no suggestions), and how many sentences the Dutch has. */
  complete?: CompleteFn;
  sentences?: number;
}

/**
 * In-place editor for one English paragraph: Ctrl/Cmd+Enter saves, Esc cancels (asking first when the text was
 * changed). Line breaks are kept. While the reader types a sentence, the model suggests the rest of it (ghost
 * text): Tab takes the next word, a second Tab or Ctrl/Cmd+→ the rest, a tap on the suggestion too; Esc drops it.
 * Taken words go in as typing does, so Ctrl+Z takes them back.
 */
export function CorrectionEditor({
  initial,
  shown,
  restored,
  onSave,
  onCancel,
  onChange,
  failure,
  notice,
  complete,
  sentences = 0,
}: Props) {
  const t = useTranslations('Corrections');
  const ta = useTranslations('Assist');
  const touch = useCoarsePointer();
  const [text, setText] = useState(initial);
  const [empty, setEmpty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [asking, setAsking] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  /** The text as the reader now has it; typing also asks the model again (edit, below). */
  const apply = (value: string) => {
    setText(value);
    setEmpty(false);
    setAsking(false);
    onChange(value);
  };
  const suggestion = useSuggestion(complete, sentences, ref, text, apply);
  const edit = (value: string, at: number) => {
    apply(value);
    suggestion.changed(value, at);
  };
  const { ghost, inline } = suggestion;

  useEffect(() => {
    const el = ref.current;
    if (!el || restored) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, [restored]);

  const id = useId();
  // Nothing worth asking about: the text as it was, or nothing at all.
  const changed = () => tidyCorrection(text) !== '' && tidyCorrection(text) !== tidyCorrection(shown);
  /** Leaving without saving: what was typed is only let go once the reader says so. */
  const cancel = () => (changed() ? setAsking(true) : onCancel());

  const save = async () => {
    if (saving) return;
    const value = tidyCorrection(text);
    setEmpty(value === '');
    if (!value) return ref.current?.focus();
    setSaving(true);
    try {
      await onSave(value);
    } catch {
      ref.current?.focus(); // the failure is shown by the parent; the text stays here
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="space-y-2">
      {restored && <p className="text-xs font-medium text-accent">{t('draftRestored')}</p>}
      {notice}
      <div className="relative rounded-md bg-paper">
        {/* The ghost text: the same box and type as the textarea, behind it, the typed part invisible. */}
        {inline && (
          <div
            aria-hidden="true"
            data-testid="completion-ghost"
            className={`${BOX} pointer-events-none absolute inset-0 overflow-hidden whitespace-pre-wrap break-words border-transparent text-transparent`}
          >
            {text.slice(0, suggestion.typedUpTo!)}
            <span className="text-muted">{ghost}</span>
          </div>
        )}
        <textarea
          ref={ref}
          lang="en"
          value={text}
          aria-label={t('editLabel')}
          aria-invalid={empty || undefined}
          aria-describedby={ghost ? `${id}-suggestion` : undefined}
          onChange={(e) => edit(e.target.value, e.target.selectionStart)}
          onSelect={(e) => suggestion.onSelect(e.currentTarget)}
          onKeyDown={(e) => {
            if (suggestion.onKey(e)) return;
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              if (!suggestion.dismiss()) cancel();
            }
          }}
          onScroll={(e) => e.currentTarget.previousElementSibling?.scrollTo(0, e.currentTarget.scrollTop)}
          rows={Math.min(12, Math.max(3, Math.ceil(text.length / 60) + (text.match(/\n/g)?.length ?? 0)))}
          className={`${BOX} relative w-full border-rule bg-transparent text-ink focus:border-accent`}
        />
      </div>
      {ghost && (
        <CompletionHint id={`${id}-suggestion`} ghost={ghost} inline={inline} touch={touch} onTake={suggestion.take} />
      )}
      {/* A finished suggestion is announced once, politely; never read back as typed text. */}
      <p className="sr-only" role="status" aria-live="polite">
        {ghost && suggestion.done ? ta(touch ? 'suggestionTouch' : 'suggestion', { text: ghost.trim() }) : ''}
      </p>
      {empty && (
        <p role="alert" className={`text-ink ${noticeBox}`}>
          {t('emptyCorrection')}
        </p>
      )}
      {failure}
      {asking ? (
        <DiscardQuestion
          onDiscard={onCancel}
          onKeep={() => {
            setAsking(false);
            ref.current?.focus();
          }}
        />
      ) : (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <button
            type="button"
            onClick={() => void save()}
            disabled={saving}
            className="rounded-full bg-ink px-3 py-1 font-medium text-paper hover:opacity-90 disabled:opacity-60"
          >
            {saving ? t('saving') : t('save')}
          </button>
          <button
            type="button"
            onClick={cancel}
            className="rounded-full border border-rule px-3 py-1 text-muted hover:text-ink"
          >
            {t('cancel')}
          </button>
          {!touch && <span className="text-xs text-muted">{t('keys')}</span>}
        </div>
      )}
    </div>
  );
}
