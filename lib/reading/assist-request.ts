/**
 * The reader's keyboard asks for the model's help through a DOM event, so the shortcut table stays one
 * module and the lists live in one component (ReaderAssist), which knows what is focused or selected.
 */
export const ASSIST_EVENT = 'tweetalig:assist';

export interface AssistRequest {
  /** alternatives: of the focused sentence (or the focused pair's first); gloss: of the selection or the focused Dutch sentence. */
  kind: 'alternatives' | 'gloss';
}

export function requestAssist(kind: AssistRequest['kind']) {
  document.dispatchEvent(new CustomEvent<AssistRequest>(ASSIST_EVENT, { detail: { kind } }));
}
