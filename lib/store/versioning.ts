import type { CorrectionRecord, TranslationStore } from '@/lib/store/types';

export type CorrectionInput = Parameters<TranslationStore['saveCorrection']>[0];

/** The next version of a correction: the previous one (if any) moves into history, nothing is dropped. */
export function nextCorrection(
  previous: CorrectionRecord | null,
  input: CorrectionInput,
  now: number,
): CorrectionRecord {
  return {
    ...input,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    history: previous
      ? [
          ...previous.history,
          {
            text: previous.text,
            status: previous.status,
            at: previous.updatedAt,
            ...(previous.origin.via ? { via: previous.origin.via } : {}),
          },
        ]
      : [],
  };
}

/** Merges an imported correction into an existing one without overwriting it: corrections are never lost. */
export function mergeImported(
  existing: CorrectionRecord | null,
  imported: CorrectionRecord,
): { record: CorrectionRecord; added: boolean } {
  if (!existing) return { record: imported, added: true };
  const known = new Set([existing.text, ...existing.history.map((v) => v.text)]);
  const versions = [{ text: imported.text, status: imported.status, at: imported.updatedAt }, ...imported.history];
  const history = [...existing.history, ...versions.filter((v) => !known.has(v.text))].sort((a, b) => a.at - b.at);
  return { record: { ...existing, history }, added: false };
}

/**
 * Applies a whole import to what `read` finds stored, counting what happened. A unit whose Dutch an earlier
 * unit of the same file already brought is a duplicate (merged into that one's history), not a correction
 * that "already existed".
 */
export async function mergeAll(
  records: CorrectionRecord[],
  read: (hash: string) => Promise<CorrectionRecord | null>,
  write: (record: CorrectionRecord) => Promise<unknown>,
) {
  const brought = new Set<string>();
  let added = 0;
  let keptExisting = 0;
  let duplicates = 0;
  for (const imported of records) {
    const merged = mergeImported(await read(imported.sourceHash), imported);
    await write(merged.record);
    if (merged.added) added++;
    else if (brought.has(imported.sourceHash)) duplicates++;
    else keptExisting++;
    brought.add(imported.sourceHash);
  }
  return { added, keptExisting, duplicates };
}

/** A correction that shows the reader's own text. An empty one (never saved now, but older versions could) does not. */
export function hasOwnText(correction: Pick<CorrectionRecord, 'status' | 'text'> | null | undefined): boolean {
  return !!correction && correction.status !== 'machine' && correction.text.trim() !== '';
}
