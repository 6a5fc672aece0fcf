/**
 * Who typed a draft: this tab. A draft belongs to the editor that typed it, so nothing another tab does (a save,
 * a cancel) deletes it. The id lives in sessionStorage, so a reload of the tab finds its drafts again; a Web
 * Lock held for the page's life tells other tabs that its drafts are still being typed. A draft whose tab is
 * gone (no lock held under its id) is an orphan: the next tab to open its article adopts it.
 */

const KEY = 'tweetalig-editor';
const lockName = (id: string) => `tweetalig-editor:${id}`;

let claimed: Promise<string> | null = null;

const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

function remembered(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null; // storage blocked: this page's drafts are its own all the same
  }
}

function remember(id: string) {
  try {
    sessionStorage.setItem(KEY, id);
  } catch {
    // as above
  }
}

/** Holds the lock under `id` for this page's life, if no other page holds it; false if one does. */
function hold(id: string): Promise<boolean> {
  return new Promise((granted) => {
    void navigator.locks
      .request(lockName(id), { ifAvailable: true }, (lock) => {
        granted(lock !== null);
        return lock ? new Promise<void>(() => {}) : undefined; // never released: the page's end releases it
      })
      .catch(() => granted(true));
  });
}

/** This tab's editor id, once its lock is held (a duplicated tab, which copies sessionStorage, gets a new one). */
export function editorId(): Promise<string> {
  claimed ??= (async () => {
    const locks = typeof navigator !== 'undefined' && 'locks' in navigator;
    let id = remembered() ?? newId();
    if (locks && !(await hold(id))) {
      id = newId();
      await hold(id);
    }
    remember(id);
    return id;
  })();
  return claimed;
}

/**
 * The editors whose tabs are open now. Null where the browser cannot tell (no Web Locks): then every draft
 * but this tab's counts as an orphan, as before drafts had owners.
 */
export async function liveEditors(): Promise<Set<string> | null> {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return null;
  try {
    const { held = [] } = await navigator.locks.query();
    return new Set(
      held.flatMap((l) => (l.name?.startsWith('tweetalig-editor:') ? [l.name.slice('tweetalig-editor:'.length)] : [])),
    );
  } catch {
    return null;
  }
}
