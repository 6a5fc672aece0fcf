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

/** Merges an imported correction into an existing one without overwriting it: corrections are never lost. */
export function mergeImported(existing: CorrectionRecord | null, imported: CorrectionRecord): { record: CorrectionRecord; added: boolean } {
  if (!existing) return { record: imported, added: true };
  const known = new Set([existing.text, ...existing.history.map((v) => v.text)]);
  const versions = [{ text: imported.text, status: imported.status, at: imported.updatedAt }, ...imported.history];
  const history = [...existing.history, ...versions.filter((v) => !known.has(v.text))].sort((a, b) => a.at - b.at);
  return { record: { ...existing, history }, added: false };
}
