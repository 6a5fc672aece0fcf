'use client';

import { useSyncExternalStore } from 'react';
import { DOUBT_EVENT } from './preferences';

const subscribe = (changed: () => void) => {
  document.documentElement.addEventListener(DOUBT_EVENT, changed);
  return () => document.documentElement.removeEventListener(DOUBT_EVENT, changed);
};

/** Whether doubtful words are marked (the preferences script set it before paint; applyDoubt changes it). */
export function useDoubtMarks(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => document.documentElement.dataset.doubt !== undefined,
    () => false,
  );
}
