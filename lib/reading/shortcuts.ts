/**
 * The reader's keyboard shortcuts: one table that the key handler and the
 * `?` overlay both read, so the overlay can never list a key that does nothing.
 */
export const SHORTCUTS = [
  { action: 'next', keys: ['j', 'ArrowDown'] },
  { action: 'previous', keys: ['k', 'ArrowUp'] },
  { action: 'nextSentence', keys: ['ArrowRight'] },
  { action: 'previousSentence', keys: ['ArrowLeft'] },
  { action: 'edit', keys: ['e'] },
  { action: 'alternatives', keys: ['a'] },
  { action: 'gloss', keys: ['g'] },
  { action: 'nextDoubt', keys: ['d'] },
  { action: 'doubt', keys: ['m'] },
  { action: 'viewBoth', keys: ['1'] },
  { action: 'viewNl', keys: ['2'] },
  { action: 'viewEn', keys: ['3'] },
  { action: 'learner', keys: ['b'] },
  { action: 'language', keys: ['l'] },
  { action: 'help', keys: ['?'] },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

const byKey = new Map<string, ShortcutAction>(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.action] as const)));

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
}

/** The action a key press asks for; null for anything with Ctrl, Cmd or Alt (those belong to the browser). */
export function actionFor(e: KeyLike): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return null;
  return byKey.get(e.key.length === 1 ? e.key.toLowerCase() : e.key) ?? byKey.get(e.key) ?? null;
}

/** How a key is printed in the overlay. */
export function keyLabel(key: string): string {
  return { ArrowDown: '↓', ArrowUp: '↑', ArrowLeft: '←', ArrowRight: '→' }[key] ?? key;
}

/** Typing into a field, or moving within a radio group, is never taken over by a shortcut. */
export function isTypingTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('textarea, select, [contenteditable=""], [contenteditable="true"], dialog, [role="dialog"]'))
    return true;
  if (target instanceof HTMLInputElement) {
    const choice = target.type === 'radio' || target.type === 'checkbox';
    return !choice || key.startsWith('Arrow');
  }
  return false;
}
