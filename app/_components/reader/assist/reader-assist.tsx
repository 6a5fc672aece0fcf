'use client';

import { alwaysTranslate } from '@/lib/glossary/actions';
import { openGlossary } from '@/lib/store/open-store';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { assistRequests, type AssistKind } from '@/lib/reading/reader-requests';
import { AssistPopover, type AssistList } from './assist-popover';
import { useTranslationContext } from '../translation-provider';

interface Target {
  kind: AssistList['kind'];
  id: string;
  /** alternatives: the sentence's index; gloss: -1. */
  sentence: number;
  /** alternatives: the English sentence; gloss: the selected Dutch. */
  subject: string;
  anchor: AssistList['anchor'];
  /** Where focus goes back to. */
  opener: HTMLElement | null;
}

/** A selection of Dutch this long at most is glossed (a word or a phrase, not a passage). */
const GLOSS_MAX = { chars: 80, words: 8 };

const pageBox = (rect: DOMRect) => ({
  left: rect.left + window.scrollX,
  top: rect.top + window.scrollY,
  bottom: rect.bottom + window.scrollY,
});

/**
 * The model's help in the reader: a click on an English sentence (a second tap on a touch screen, or `a` on a
 * focused one) lists its other translations; selecting Dutch (a double-click on a word, or `g`) glosses it.
 * One list at a time.
 */
export function ReaderAssist() {
  const { translator } = useTranslationContext();
  const [target, setTarget] = useState<Target | null>(null);
  const [list, setList] = useState<Pick<AssistList, 'status' | 'items'>>({ status: 'loading', items: [] });
  const [attempt, setAttempt] = useState(0);
  const opener = useRef<HTMLElement | null>(null);
  /** What is open now, for the listeners (installed once): asking again for it changes nothing. */
  const shown = useRef<Target | null>(null);
  useEffect(() => {
    shown.current = target;
  }, [target]);

  const close = useCallback(() => {
    setTarget(null);
    const back = opener.current;
    opener.current = null;
    if (back?.isConnected) back.focus({ preventScroll: true });
  }, []);

  // Asked for on demand, cancelled when the list closes or another opens.
  useEffect(() => {
    if (!target || !translator) return;
    const abort = new AbortController();
    const ask =
      target.kind === 'alternatives'
        ? translator.assist.alternatives(target.id, target.sentence, abort.signal)
        : translator.assist.gloss(target.id, target.subject, abort.signal);
    ask.then(
      (items) => !abort.signal.aborted && setList({ status: 'ready', items }),
      () => !abort.signal.aborted && setList({ status: 'failed', items: [] }),
    );
    return () => abort.abort();
  }, [target, translator, attempt]);

  useEffect(() => {
    if (!translator) return;
    const open = (next: Target) => {
      const now = shown.current;
      if (
        now &&
        now.kind === next.kind &&
        now.id === next.id &&
        now.sentence === next.sentence &&
        now.subject === next.subject
      )
        return;
      opener.current = next.opener;
      setList({ status: 'loading', items: [] });
      setTarget(next);
    };
    const alternativesOf = (sentence: HTMLElement) => {
      const id = sentence.closest<HTMLElement>('.pair')?.id;
      const index = Number(sentence.dataset.s);
      const english = sentence.closest('[data-lang-col="en"]')
        ? sentence
        : sentence.closest('.pair')?.querySelector<HTMLElement>(`[data-lang-col="en"] [data-s="${index}"]`);
      if (!id || !english) return;
      open({
        kind: 'alternatives',
        id,
        sentence: index,
        subject: english.textContent ?? '',
        anchor: pageBox(english.getBoundingClientRect()),
        opener: sentence,
      });
    };
    const glossOfSelection = (): boolean => {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return false;
      const range = selection.getRangeAt(0);
      const cell = (
        range.commonAncestorContainer instanceof Element
          ? range.commonAncestorContainer
          : range.commonAncestorContainer.parentElement
      )?.closest('[data-lang-col="nl"]');
      const id = cell?.closest<HTMLElement>('.pair')?.id;
      const phrase = selection.toString().trim();
      if (!id || !phrase || phrase.length > GLOSS_MAX.chars || phrase.split(/\s+/).length > GLOSS_MAX.words)
        return false;
      open({
        kind: 'gloss',
        id,
        sentence: -1,
        subject: phrase,
        anchor: pageBox(range.getBoundingClientRect()),
        opener: cell?.closest<HTMLElement>('.pair') ?? null,
      });
      return true;
    };

    // On a touch screen the first tap on a sentence lights it and its Dutch (touch has no hover; on a phone
    // that scrolls the Dutch into view); a second tap on it asks for its alternatives.
    let touch = false;
    let tapped: Element | null = null;
    const onPointerDown = (e: PointerEvent) => {
      touch = e.pointerType === 'touch';
    };
    const onClick = (e: MouseEvent) => {
      const sentence = (e.target as Element).closest?.<HTMLElement>('[data-lang-col="en"] [data-s]');
      const selection = window.getSelection();
      // A click that ends a text selection is the reader selecting, not asking.
      if (!sentence || (selection && !selection.isCollapsed) || sentence.closest('[data-state="editing"]')) return;
      const first = touch && tapped !== sentence;
      tapped = sentence;
      if (!first) alternativesOf(sentence);
    };
    const onMouseUp = (e: MouseEvent) => {
      if ((e.target as Element).closest?.('[data-lang-col="nl"]')) glossOfSelection();
    };
    // A touch screen selects with a long press and handles, and sends no mouseup: gloss once it settles.
    let settle = 0;
    const onSelection = () => {
      window.clearTimeout(settle);
      if (touch) settle = window.setTimeout(glossOfSelection, 700);
    };
    const onRequest = (kind: AssistKind) => {
      const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      const pair = focused?.closest<HTMLElement>('.pair');
      if (kind === 'gloss') {
        if (glossOfSelection() || !pair) return;
        const dutch = focused?.closest('[data-lang-col="nl"] [data-s]')
          ? focused
          : pair.querySelector<HTMLElement>(`[data-lang-col="nl"] [data-s="${focused?.dataset.s ?? 0}"]`);
        if (dutch)
          open({
            kind: 'gloss',
            id: pair.id,
            sentence: -1,
            subject: dutch.textContent ?? '',
            anchor: pageBox(dutch.getBoundingClientRect()),
            opener: focused,
          });
        return;
      }
      const sentence =
        focused?.dataset.s !== undefined ? focused : pair?.querySelector<HTMLElement>('[data-lang-col="en"] [data-s]');
      if (sentence) alternativesOf(sentence);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('click', onClick);
    document.addEventListener('mouseup', onMouseUp);
    document.addEventListener('selectionchange', onSelection);
    const stopListening = assistRequests.listen(onRequest);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('click', onClick);
      document.removeEventListener('mouseup', onMouseUp);
      document.removeEventListener('selectionchange', onSelection);
      window.clearTimeout(settle);
      stopListening();
    };
  }, [translator]);

  if (!target || !translator) return null;
  return createPortal(
    <AssistPopover
      key={`${target.kind}:${target.id}:${target.sentence}:${target.subject}`}
      list={{ kind: target.kind, subject: target.subject, anchor: target.anchor, ...list }}
      onClose={close}
      onRetry={() => {
        setList({ status: 'loading', items: [] });
        setAttempt((n) => n + 1);
      }}
      onAlways={
        target.kind === 'gloss'
          ? async (english) => {
              await alwaysTranslate(await openGlossary(), { source: target.subject, target: english });
            }
          : undefined
      }
      onChoose={async (text) => {
        await translator.assist.choose(target.id, target.sentence, text);
        opener.current = document.getElementById(target.id);
        close();
      }}
    />,
    document.body,
  );
}
