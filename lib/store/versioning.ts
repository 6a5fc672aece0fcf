import type { CorrectionRecord, TranslationStore } from './types';

export type CorrectionInput = Parameters<TranslationStore['saveCorrection']>[0];

/** The next version of a correction: the previous one (if any) moves into history, nothing is dropped. */
export function nextCorrection(previous: CorrectionRecord | null, input: CorrectionInput, now: number): CorrectionRecord {
  return {
    ...input,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    history: previous ? [...previous.history, { text: previous.text, status: previous.status, at: previous.updatedAt }] : [],
  };
}
