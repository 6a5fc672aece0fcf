'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { nextWord } from '@/lib/assist/completion';
import { tidyCorrection } from '@/lib/corrections/tidy';
import { useCompletion, type CompleteFn } from './use-completion';

/** The textarea's box and type, shared with the ghost text behind it so the two line up exactly. */
const BOX = 'rounded-md border p-2 font-serif text-base leading-relaxed';

/** The ghost text is drawn inline only where nothing follows the caret on its line. */
const atLineEnd = (text: string, caret: number | null) => caret !== null && /^(\n|$)/.test(text.slice(caret));

interface Props {
  initial: string;
  /** The text is a draft kept from before (a reload, a language switch): say so, and do not steal focus. */
  restored: boolean;
  /** Resolves once stored; rejects with what the editor should say, and the editor stays open with the text. */
  onSave: (text: string) => Promise<void>;
  onCancel: () => void;
  onChange: (text: string) => void;
  /** A failure to show under the text (role="alert"), with what the reader can do about it. */
  failure: ReactNode;
  /** The model's completion of the sentence being typed (absent: no suggestions), and how many sentences the Dutch has. */
  complete?: CompleteFn;
  sentences?: number;
}

/**
 * In-place editor for one English paragraph: Ctrl/Cmd+Enter saves, Esc cancels. Line breaks are kept. While
 * the reader types a sentence, the model suggests the rest of it (ghost text): Tab takes the next word, a
 * second Tab or Ctrl/Cmd+→ the rest, Esc drops it; typing on asks again.
 */
export function CorrectionEditor({ initial, restored, onSave, onCancel, onChange, failure, complete, sentences = 0 }: Props) {
  const t = useTranslations('Corrections');
  const ta = useTranslations('Assist');
  const [text, setText] = useState(initial);
  const [empty, setEmpty] = useState(false);
  const [saving, setSaving] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const completion = useCompletion(complete, sentences);
  const tookWord = useRef(false);
  // Where the caret is (a collapsed selection), or null: the ghost shows only at the caret it was made for.
  const [caret, setCaret] = useState<number | null>(null);
  const ghost = completion.ghost && caret === completion.caret ? completion.ghost : null;
  const inline = ghost !== null && atLineEnd(text, caret);

  const edit = (value: string, caret: number) => {
    setText(value);
    setEmpty(false);
    onChange(value);
    completion.request(value, caret);
  };

  /** Puts `part` of the suggestion at the caret. */
  const take = (part: string) => {
    const el = ref.current;
    if (!el || completion.caret === null) return;
    const at = completion.caret;
    const value = `${text.slice(0, at)}${part}${text.slice(at)}`;
    setText(value);
    onChange(value);
    completion.accepted(part);
    setCaret(at + part.length);
    requestAnimationFrame(() => el.setSelectionRange(at + part.length, at + part.length));
  };

  useEffect(() => {
    const el = ref.current;
    if (!el || restored) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, [restored]);

  const id = useId();

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
      <div className="relative rounded-md bg-paper">
        {/* The ghost text: the same box and type as the textarea, behind it, the typed part invisible. */}
        {inline && (
          <div aria-hidden="true" data-testid="completion-ghost" className={`${BOX} pointer-events-none absolute inset-0 overflow-hidden whitespace-pre-wrap break-words border-transparent text-transparent`}>
            {text.slice(0, completion.caret!)}
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
          onChange={(e) => {
            tookWord.current = false;
            edit(e.target.value, e.target.selectionStart);
          }}
          onSelect={(e) => {
            const { selectionStart, selectionEnd } = e.currentTarget;
            setCaret(selectionStart === selectionEnd ? selectionStart : null);
          }}
          onKeyDown={(e) => {
            const all = e.key === 'ArrowRight' && (e.ctrlKey || e.metaKey);
            if (ghost && ((e.key === 'Tab' && !e.shiftKey) || all)) {
              e.preventDefault();
              take(all || tookWord.current ? ghost : nextWord(ghost));
              tookWord.current = !all && !tookWord.current;
              return;
            }
            tookWord.current = false;
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              if (ghost) completion.dismiss(); // the first Esc drops the suggestion, the next one cancels
              else onCancel();
            }
          }}
          onScroll={(e) => e.currentTarget.previousElementSibling?.scrollTo(0, e.currentTarget.scrollTop)}
          rows={Math.min(12, Math.max(3, Math.ceil(text.length / 60) + (text.match(/\n/g)?.length ?? 0)))}
          className={`${BOX} relative w-full border-rule bg-transparent text-ink focus:border-accent`}
        />
      </div>
      {ghost && (
        <p id={`${id}-suggestion`} className="text-xs text-muted" data-testid="completion-hint">
          <span aria-hidden="true">
            {/* Shown here too where it cannot be drawn after the caret (text follows it on its line). */}
            {!inline && (
              <>
                <span lang="en" className="font-serif text-sm text-ink/70">
                  …{ghost.trim()}
                </span>{' '}
                ·{' '}
              </>
            )}
            {ta('suggestionHint')}
          </span>
          <span className="sr-only">{ta('suggestion', { text: ghost.trim() })}</span>
        </p>
      )}
      {/* A finished suggestion is announced once, politely; never read back as typed text. */}
      <p className="sr-only" role="status" aria-live="polite">
        {ghost && completion.done ? ta('suggestion', { text: ghost.trim() }) : ''}
      </p>
      {empty && (
        <p role="alert" className="rounded-md border border-accent/40 bg-panel px-3 py-2 text-sm text-ink">
          {t('emptyCorrection')}
        </p>
      )}
      {failure}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <button type="button" onClick={() => void save()} disabled={saving} className="rounded-full bg-ink px-3 py-1 font-medium text-paper hover:opacity-90 disabled:opacity-60">
          {saving ? t('saving') : t('save')}
        </button>
        <button type="button" onClick={onCancel} className="rounded-full border border-rule px-3 py-1 text-muted hover:text-ink">
          {t('cancel')}
        </button>
        <span className="text-xs text-muted">{t('keys')}</span>
      </div>
    </div>
  );
}
