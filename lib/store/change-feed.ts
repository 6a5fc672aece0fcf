/**
 * "The store changed": the one owner of that news. The store publishes here after every committed write that
 * changes what a paragraph shows other than by translating (a correction, an import, a clear); the page's
 * listeners and the reader's other tabs hear it. Two signals carry it, each for a reason:
 * - the **stamp**, a random value in localStorage, replaced by every such change in any tab. Something made
 *   from the store (the quick-open copy) records the stamp it was read under and is trusted only while the stamp
 *   is still that one: synchronous, so an inline script can check it before the first paint;
 * - a **BroadcastChannel**, so an article open in another tab shows the new corrections without a reload.
 * This page's own changes reach its listeners directly (a channel never delivers to its sender).
 */
import { localStore } from '@/lib/local-storage';

// Warning: these names live in readers' browsers.
export const STAMP_KEY = 'tweetalig:stamp';
const CHANNEL = 'tweetalig-corrections';

export type StoreChange =
  | { kind: 'corrections'; sourceHashes: string[] }
  /** Every machine translation removed. */
  | { kind: 'machineCleared' }
  /** The reader's glossary changed: the paragraphs it touches are translated with it (or found stored). */
  | { kind: 'glossary' };

export interface HeardChange {
  change: StoreChange;
  /** 'here': this page made it; 'elsewhere': another tab did. */
  origin: 'here' | 'elsewhere';
  /** For this page's own changes: the stamp before the write and the one it was stamped with (null: unstamped). */
  before?: string;
  stamp?: string | null;
}

type Listener = (heard: HeardChange) => void;
const listeners = new Set<Listener>();
let channel: BroadcastChannel | null = null;
let lastStamp: string | null = null;

const newStamp = () => `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 10)}`;

/**
 * The current stamp. Made on first use, so that it is never '' once storage works: a copy made under ''
 * would otherwise still be trusted after a stamp that could not be written was removed. '' without storage.
 */
export function storeStamp(storage = localStore()): string {
  if (!storage) return '';
  try {
    const stamp = storage.getItem(STAMP_KEY);
    if (stamp) return stamp;
    const made = newStamp();
    storage.setItem(STAMP_KEY, made);
    return made;
  } catch {
    return '';
  }
}

/** The stamp this page wrote last (null: none yet). */
export function ownStamp(): string | null {
  return lastStamp;
}

/**
 * Replaces the stamp. When the new one cannot be written (storage full), the old one is removed instead, so
 * nothing made under it is trusted any more: a removal needs no room. Returns the new stamp, or null.
 */
export function restamp(storage = localStore()): string | null {
  if (!storage) return null;
  const stamp = newStamp();
  try {
    storage.setItem(STAMP_KEY, stamp);
    lastStamp = stamp;
    return stamp;
  } catch {
    try {
      storage.removeItem(STAMP_KEY);
    } catch {
      // storage refused altogether: nothing can have been made under a stamp either
    }
    return null;
  }
}

function open(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  if (!channel) {
    channel = new BroadcastChannel(CHANNEL);
    channel.addEventListener('message', (event: MessageEvent<unknown>) => {
      const change = parse(event.data);
      if (change) for (const listener of [...listeners]) listener({ change, origin: 'elsewhere' });
    });
  }
  return channel;
}

function parse(data: unknown): StoreChange | null {
  const d = data as Partial<{ kind: string; sourceHashes: unknown }> | null;
  if (d?.kind === 'machineCleared') return { kind: 'machineCleared' };
  if (d?.kind === 'glossary') return { kind: 'glossary' };
  if (d?.kind === 'corrections' && Array.isArray(d.sourceHashes))
    return { kind: 'corrections', sourceHashes: d.sourceHashes.filter((h): h is string => typeof h === 'string') };
  return null;
}

/**
 * Called by the store once a write committed. `before`: the stamp read before the write began, so a listener
 * can tell whether another tab stamped a change in between.
 */
export function publishChange(change: StoreChange, before: string): void {
  if (change.kind === 'corrections' && change.sourceHashes.length === 0) return;
  const stamp = restamp();
  for (const listener of [...listeners]) listener({ change, origin: 'here', before, stamp });
  open()?.postMessage(change);
}

/** Calls `listener` for every change, this page's and other tabs'. Returns the unsubscribe. */
export function onStoreChange(listener: Listener): () => void {
  open();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
