'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { nextWord } from '@/lib/article/completion';
import { tidyCorrection } from '@/lib/corrections/tidy';
import { useCoarsePointer } from '@/app/_components/use-coarse-pointer';
import { CompletionHint } from './completion-hint';
import { DiscardQuestion } from './discard-question';
import { useCompletion, type CompleteFn } from './use-completion';
import { notice as noticeBox } from '@/app/_components/ui/styles';

/** The textarea's box and type, shared with the ghost text behind it so the two line up exactly. */
const BOX = 'rounded-md border p-2 font-serif text-base leading-relaxed';

/** The ghost text is drawn inline only where nothing follows the caret on its line. */
const atLineEnd = (text: string, caret: number | null) => caret !== null && /^(\n|$)/.test(text.slice(caret));

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
  const completion = useCompletion(complete, sentences);
  const tookWord = useRef(false);
  /** Set while a taken suggestion goes in: that input event is not typing, and asks the model nothing. */
  const taking = useRef(false);
  // Where the caret is (a collapsed selection), or null: the ghost shows only at the caret it was made for.
  const [caret, setCaret] = useState<number | null>(null);
  const ghost = completion.ghost && caret === completion.caret ? completion.ghost : null;
  const inline = ghost !== null && atLineEnd(text, caret);

  const edit = (value: string, at: number) => {
    setText(value);
    setEmpty(false);
    setAsking(false);
    onChange(value);
    if (taking.current) return;
    tookWord.current = false;
    completion.request(value, at);
  };

  /** Puts `part` of the suggestion at the caret, as typing would: the browser's undo takes it back. */
  const take = (part: string) => {
    const el = ref.current;
    if (!el || completion.caret === null) return;
    const at = completion.caret;
    el.focus();
    el.setSelectionRange(at, at);
    taking.current = true;
    // execCommand keeps the textarea's undo history (setting its value would wipe it); the input event it
    // fires goes through onChange. Where a browser refuses it, the text is set directly.
    const inserted = document.execCommand('insertText', false, part);
    taking.current = false;
    if (!inserted) edit(`${text.slice(0, at)}${part}${text.slice(at)}`, at + part.length);
    completion.accepted(part);
    setCaret(at + part.length);
    if (!inserted) requestAnimationFrame(() => el.setSelectionRange(at + part.length, at + part.length));
  };

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
          onChange={(e) => edit(e.target.value, e.target.selectionStart)}
          onSelect={(e) => {
            const { selectionStart, selectionEnd } = e.currentTarget;
            setCaret(selectionStart === selectionEnd ? selectionStart : null);
          }}
          onKeyDown={(e) => {
            const all = e.key === 'ArrowRight' && (e.ctrlKey || e.metaKey);
            if (ghost && ((e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) || all)) {
              e.preventDefault();
              const part = all || tookWord.current ? ghost : nextWord(ghost);
              const second = !all && !tookWord.current;
              take(part);
              tookWord.current = second;
              return;
            }
            tookWord.current = false;
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              // Esc is the suggestion's while one shows or is on its way; only then the editor's.
              if (ghost || completion.pending()) completion.dismiss();
              else cancel();
            }
          }}
          onScroll={(e) => e.currentTarget.previousElementSibling?.scrollTo(0, e.currentTarget.scrollTop)}
          rows={Math.min(12, Math.max(3, Math.ceil(text.length / 60) + (text.match(/\n/g)?.length ?? 0)))}
          className={`${BOX} relative w-full border-rule bg-transparent text-ink focus:border-accent`}
        />
      </div>
      {ghost && <CompletionHint id={`${id}-suggestion`} ghost={ghost} inline={inline} touch={touch} onTake={take} />}
      {/* A finished suggestion is announced once, politely; never read back as typed text. */}
      <p className="sr-only" role="status" aria-live="polite">
        {ghost && completion.done ? ta(touch ? 'suggestionTouch' : 'suggestion', { text: ghost.trim() }) : ''}
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
