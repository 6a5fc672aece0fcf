/**
 * Requests that one part of the reader makes of another it does not own: the keyboard asks a pair's English
 * cell to open its editor, or the assist component for the model's help. Typed channels, not DOM events or
 * CSS selectors, so the contract is checked by the compiler; the component that can answer subscribes.
 */
type Listener<T> = (request: T) => void;

function channel<T>() {
  const listeners = new Set<Listener<T>>();
  return {
    /** Returns whether anyone was listening. */
    send(request: T): boolean {
      for (const listener of [...listeners]) listener(request);
      return listeners.size > 0;
    },
    listen(listener: Listener<T>): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type AssistKind =
  /** Other translations of the focused sentence (or of the focused pair's first). */
  | 'alternatives'
  /** Glosses of the selection, or of the focused Dutch sentence. */
  | 'gloss';

export const assistRequests = channel<AssistKind>();
/** A pair's id: its English cell opens the correction editor. */
export const editRequests = channel<string>();
