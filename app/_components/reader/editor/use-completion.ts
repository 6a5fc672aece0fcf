'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ghostText, typedSentence } from '@/lib/article/completion';

/** Asks the model for the English sentence `sentence` that begins with `typed`. */
export type CompleteFn = (
  sentence: number,
  typed: string,
  options: { signal: AbortSignal; onPartial: (sentence: string) => void },
) => Promise<string>;

interface Suggestion {
  /** The caret it was made for: the ghost is shown there only. */
  caret: number;
  typed: string;
  sentence: string;
  done: boolean;
}

/**
 * The model's completion of the sentence being typed, as a ghost text after the caret. Every edit asks
 * again and cancels the request in flight; the editor never waits: what is shown is the latest answer that
 * still fits what is typed.
 */
export function useCompletion(complete: CompleteFn | undefined, sentences: number) {
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const inflight = useRef<AbortController | null>(null);

  const dismiss = useCallback(() => {
    inflight.current?.abort();
    inflight.current = null;
    setSuggestion(null);
  }, []);

  const request = useCallback(
    (text: string, caret: number) => {
      inflight.current?.abort();
      const target = complete ? typedSentence(text, caret) : null;
      if (!complete || !target || target.index >= sentences) return setSuggestion(null);
      // What was offered stays while it still fits (typing the letters it suggested changes nothing).
      setSuggestion((s) =>
        s && ghostText(target.typed, s.sentence) !== null ? { ...s, caret, typed: target.typed } : null,
      );
      const abort = new AbortController();
      inflight.current = abort;
      const show = (sentence: string, done: boolean) => {
        if (!abort.signal.aborted) setSuggestion({ caret, typed: target.typed, sentence, done });
      };
      const settled = () => {
        if (inflight.current === abort) inflight.current = null;
      };
      complete(target.index, target.typed, { signal: abort.signal, onPartial: (s) => show(s, false) }).then(
        (s) => {
          show(s, true);
          settled();
        },
        settled, // cancelled by the next keystroke, or the model failed: the reader types on
      );
    },
    [complete, sentences],
  );

  /** Takes `part` of the ghost into the text: the suggestion stays, shorter by what was taken. */
  const accepted = useCallback((part: string) => {
    setSuggestion((s) => (s ? { ...s, caret: s.caret + part.length, typed: s.typed + part } : null));
  }, []);

  useEffect(() => () => inflight.current?.abort(), []);

  const ghost = suggestion ? ghostText(suggestion.typed, suggestion.sentence) : null;
  /** A suggestion is on its way (asked for, not answered yet). */
  const pending = useCallback(() => inflight.current !== null, []);
  return {
    ghost,
    caret: suggestion?.caret ?? null,
    done: suggestion?.done ?? false,
    request,
    dismiss,
    accepted,
    pending,
  };
}
