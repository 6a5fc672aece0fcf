'use client';

import { useSyncExternalStore } from 'react';
import { subscribeChoices } from './choices';

/**
 * One of the reader's choices (choices.ts), kept current: `read` in the browser, `onServer` while rendering on
 * the server and hydrating (the inline script may already have applied another; React re-renders after).
 */
export function useChoice<T>(read: () => T, onServer: T): T {
  return useSyncExternalStore(subscribeChoices, read, () => onServer);
}
