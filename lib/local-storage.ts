/**
 * The one module that touches localStorage. It may be missing or refused (cookies blocked, some private
 * modes), and a write may fail when it is full: every access here is safe and says whether it worked.
 * Warning: the keys live in readers' browsers; renaming one loses what it holds.
 */

/** localStorage, or null where it is missing or refused. */
export function localStore(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function recall(key: string, storage = localStore()): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Writes a value; false when storage is missing, refused or full. */
export function remember(key: string, value: string, storage = localStore()): boolean {
  try {
    if (!storage) return false;
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
