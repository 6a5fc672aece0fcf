'use client';

import { useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { nextWord } from '@/lib/article/completion';
import { useCompletion, type CompleteFn } from './use-completion';

/** The ghost text is drawn inline only where nothing follows the caret on its line. */
const atLineEnd = (text: string, caret: number | null) => caret !== null && /^(\n|$)/.test(text.slice(caret));

/**
 * The model's suggestion for the sentence being typed, at the caret it was made for: Tab takes the next word, a
 * second Tab or Ctrl/Cmd+→ the rest, a tap on it too. Taken words go in as typing does (the browser's undo takes
 * them back). `apply` sets the editor's text, for a browser that refuses to insert as typing.
 */
export function useSuggestion(
  complete: CompleteFn | undefined,
  sentences: number,
  ref: RefObject<HTMLTextAreaElement | null>,
  text: string,
  apply: (value: string) => void,
) {
  const completion = useCompletion(complete, sentences);
  const tookWord = useRef(false);
  /** Set while a taken suggestion goes in: that input event is not typing, and asks the model nothing. */
  const taking = useRef(false);
  // Where the caret is (a collapsed selection), or null: the ghost shows only at the caret it was made for.
  const [caret, setCaret] = useState<number | null>(null);
  const ghost = completion.ghost && caret === completion.caret ? completion.ghost : null;
  const inline = ghost !== null && atLineEnd(text, caret);

  /** The text changed: typed, the model is asked again; a suggestion going in, nothing. */
  const changed = (value: string, at: number) => {
    if (taking.current) return;
    tookWord.current = false;
    completion.request(value, at);
  };

  /** Puts `part` of the suggestion at the caret, as typing would. */
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
    if (!inserted) {
      const value = `${text.slice(0, at)}${part}${text.slice(at)}`;
      apply(value);
      changed(value, at + part.length);
    }
    completion.accepted(part);
    setCaret(at + part.length);
    if (!inserted) requestAnimationFrame(() => el.setSelectionRange(at + part.length, at + part.length));
  };

  /** Tab and Ctrl/Cmd+→ while a suggestion shows: taken here (true); any other key ends a run of Tabs. */
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    const all = e.key === 'ArrowRight' && (e.ctrlKey || e.metaKey);
    if (ghost && ((e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) || all)) {
      e.preventDefault();
      const part = all || tookWord.current ? ghost : nextWord(ghost);
      const second = !all && !tookWord.current;
      take(part);
      tookWord.current = second;
      return true;
    }
    tookWord.current = false;
    return false;
  };

  /** Esc is the suggestion's while one shows or is on its way (true: dismissed); only then the editor's. */
  const dismiss = (): boolean => {
    if (!ghost && !completion.pending()) return false;
    completion.dismiss();
    return true;
  };

  const onSelect = (el: HTMLTextAreaElement) =>
    setCaret(el.selectionStart === el.selectionEnd ? el.selectionStart : null);

  return { ghost, inline, done: completion.done, typedUpTo: completion.caret, changed, take, onKey, dismiss, onSelect };
}
