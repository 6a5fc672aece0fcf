'use client';

import { useSyncExternalStore } from 'react';

const QUERY = '(pointer: coarse)';

const subscribe = (changed: () => void) => {
  const media = matchMedia(QUERY);
  media.addEventListener('change', changed);
  return () => media.removeEventListener('change', changed);
};

/**
 * The reader's main pointer is a finger (a phone, a tablet): hints speak of tapping, not of keys an on-screen
 * keyboard lacks. On the server, and before hydration, a keyboard is assumed.
 */
export function useCoarsePointer(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => matchMedia(QUERY).matches,
    () => false,
  );
}
