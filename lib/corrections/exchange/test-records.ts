/** Corrections for the exchange tests: every field set, odd characters in the texts, an earlier version. */
import { sourceHash } from '@/lib/content/block-id';
import type { CorrectionRecord } from '@/lib/store/types';

export const record = (source: string, text: string, extra: Partial<CorrectionRecord> = {}): CorrectionRecord => ({
  sourceHash: sourceHash(source),
  source,
  text,
  status: 'edited',
  machineText: 'machine & <text>',
  origin: { article: 'amerikaanse-troepen-oostflank', segment: 's-abc' },
  createdAt: Date.UTC(2026, 10, 24, 10, 0, 0),
  updatedAt: Date.UTC(2026, 10, 24, 11, 30, 5),
  history: [],
  ...extra,
});

export const corrections = [
  record('Kruisraketten', 'Cruise missiles', {
    history: [{ text: 'Cruise rockets', status: 'edited', at: Date.UTC(2026, 10, 24, 10, 0, 0) }],
  }),
  record('Lees ook:', 'Read also: "quotes" & <tags>', { status: 'confirmed' }),
];
