/**
 * Keyboard movement through the reader's pairs and sentences. DOM only: the
 * pairs are server-rendered, and moving focus must not re-render anything.
 */

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function allPairs(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('.pair'));
}

export function currentPair(): HTMLElement | null {
  return document.activeElement?.closest<HTMLElement>('.pair') ?? null;
}

/** The first pair the reader can see below the sticky toolbar: where j starts when nothing is focused. */
function firstOnScreen(pairs: HTMLElement[]): number {
  const toolbar = document.querySelector('[data-reader-toolbar]')?.getBoundingClientRect().bottom ?? 0;
  const i = pairs.findIndex((p) => p.getBoundingClientRect().bottom > toolbar + 8);
  return Math.max(0, i);
}

export function focusPair(pair: HTMLElement) {
  pair.focus({ preventScroll: true });
  pair.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
}

/** Moves to the next (+1) or previous (-1) pair; from nowhere, starts at the first one on screen. */
export function movePair(delta: 1 | -1): HTMLElement | null {
  const pairs = allPairs();
  if (pairs.length === 0) return null;
  const current = currentPair();
  const index = current ? pairs.indexOf(current) + delta : firstOnScreen(pairs);
  const target = pairs[Math.min(pairs.length - 1, Math.max(0, index))];
  if (target) focusPair(target);
  return target ?? null;
}

/** Moves through the sentences of the focused pair, on the side that is shown (Dutch unless only English is). */
export function moveSentence(delta: 1 | -1): HTMLElement | null {
  const pair = currentPair();
  if (!pair) return null;
  const side = document.documentElement.dataset.view === 'en' ? 'en' : 'nl';
  const sentences = Array.from(pair.querySelectorAll<HTMLElement>(`[data-lang-col="${side}"] [data-s]`));
  if (sentences.length === 0) return null;
  const at = sentences.indexOf(document.activeElement as HTMLElement);
  const next =
    at < 0 ? (delta === 1 ? 0 : sentences.length - 1) : Math.min(sentences.length - 1, Math.max(0, at + delta));
  const target = sentences[next];
  target?.focus({ preventScroll: true });
  target?.scrollIntoView({ block: 'nearest' });
  return target ?? null;
}

/** "3 of 20, edited": the pair's position and the state of its translation, for the screen reader. */
export function describePair(pair: HTMLElement): {
  n: number;
  total: number;
  status: 'edited' | 'confirmed' | 'error' | 'waiting' | 'none';
} {
  const pairs = allPairs();
  const cell = pair.querySelector<HTMLElement>('[data-lang-col="en"] > [data-state]');
  const correction = cell?.dataset.correction;
  const state = cell?.dataset.state;
  const status =
    correction === 'edited' || correction === 'confirmed'
      ? correction
      : state === 'error'
        ? 'error'
        : state === 'done' || state === 'editing'
          ? 'none'
          : 'waiting';
  return { n: pairs.indexOf(pair) + 1, total: pairs.length, status };
}

/** Which sentence of its side of the pair a sentence is: "sentence 2 of 3". */
export function describeSentence(sentence: HTMLElement): { s: number; sentences: number } | null {
  const side = sentence.closest<HTMLElement>('[data-lang-col]');
  if (!side) return null;
  const all = Array.from(side.querySelectorAll<HTMLElement>('[data-s]'));
  const at = all.indexOf(sentence);
  return at < 0 ? null : { s: at + 1, sentences: all.length };
}

/**
 * Moves to the next English sentence with a word the model was unsure of (data-doubtful), after the one
 * focused, wrapping to the first. Returns it, or null when there is none.
 */
export function moveToDoubt(): HTMLElement | null {
  const doubtful = Array.from(document.querySelectorAll<HTMLElement>('[data-lang-col="en"] [data-doubtful]'));
  if (doubtful.length === 0) return null;
  const from = document.activeElement;
  const next =
    (from && doubtful.find((s) => from !== s && from.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING)) ??
    doubtful[0]!;
  next.focus({ preventScroll: true });
  next.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
  return next;
}
