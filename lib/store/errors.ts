/** Why a write to the browser's storage failed, in the terms the interface explains it in. */
export type StorageFailureReason = 'quota' | 'closed' | 'other';

export function storageFailureReason(err: unknown): StorageFailureReason {
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') return 'quota';
  if (name === 'InvalidStateError') return 'closed';
  return 'other';
}
