/**
 * Tells the reader's other tabs that corrections changed (a save, an import), so an article open there
 * shows them without a reload. One channel per page: a page never hears its own announcements.
 */
const CHANNEL = 'tweetalig-corrections';

interface Message {
  sourceHashes: string[];
}

let channel: BroadcastChannel | null = null;

function open(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  channel ??= new BroadcastChannel(CHANNEL);
  return channel;
}

export function announceCorrections(sourceHashes: string[]): void {
  if (sourceHashes.length > 0) open()?.postMessage({ sourceHashes } satisfies Message);
}

/** Calls `listener` with the Dutch hashes whose corrections another tab changed. Returns the unsubscribe. */
export function listenForCorrections(listener: (sourceHashes: string[]) => void): () => void {
  const ch = open();
  if (!ch) return () => {};
  const onMessage = (event: MessageEvent<Partial<Message>>) => {
    const hashes = event.data?.sourceHashes;
    if (Array.isArray(hashes)) listener(hashes.filter((h): h is string => typeof h === 'string'));
  };
  ch.addEventListener('message', onMessage);
  return () => ch.removeEventListener('message', onMessage);
}
