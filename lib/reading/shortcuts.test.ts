import { describe, expect, it } from 'vitest';
import { actionFor, keyLabel, SHORTCUTS } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('maps each listed key to its action, and no key to two actions', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const { action, keys: ks } of SHORTCUTS) for (const k of ks) expect(actionFor(key(k))).toBe(action);
  });

  it('leaves Ctrl, Cmd and Alt combinations to the browser (Ctrl+L, Cmd+1, …)', () => {
    expect(actionFor(key('l', { ctrlKey: true }))).toBeNull();
    expect(actionFor(key('1', { metaKey: true }))).toBeNull();
    expect(actionFor(key('j', { altKey: true }))).toBeNull();
    expect(actionFor({ ...key('e'), isComposing: true })).toBeNull();
  });

  it('ignores keys it does not know, and prints arrows as arrows', () => {
    expect(actionFor(key('x'))).toBeNull();
    expect(actionFor(key('Enter'))).toBeNull();
    expect(keyLabel('ArrowDown')).toBe('↓');
    expect(keyLabel('j')).toBe('j');
  });
});
