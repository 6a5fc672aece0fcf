import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Gives each test of the calling suite a fresh, empty `localStorage` (Node has none) and takes it away after.
 * Returns a getter for the current one.
 */
export function useMapStorage(): () => MapStorage {
  let storage = new MapStorage();
  beforeEach(() => {
    storage = new MapStorage();
    vi.stubGlobal('localStorage', storage);
  });
  afterEach(() => vi.unstubAllGlobals());
  return () => storage;
}

/** localStorage for tests in Node: the Storage interface over a Map, with an optional quota (in UTF-16 units). */
export class MapStorage implements Storage {
  private readonly items = new Map<string, string>();

  constructor(private readonly quota = Infinity) {}

  get length() {
    return this.items.size;
  }

  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string) {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string) {
    const used = [...this.items].reduce((sum, [k, v]) => (k === key ? sum : sum + k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, String(value));
  }

  removeItem(key: string) {
    this.items.delete(key);
  }

  clear() {
    this.items.clear();
  }
}
