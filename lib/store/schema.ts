import type { DBSchema } from 'idb';
import type { FeedRecord } from '@/lib/store/feed-types';
import type { GlossaryEntry } from '@/lib/store/glossary-types';
import type { UserText } from '@/lib/store/text-types';
import type { CorrectionRecord, DraftRecord, MachineRecord } from './types';

export const DB_NAME = 'tweetalig';
export const DB_VERSION = 7;

/**
 * Warning: these names live in readers' browsers. Renaming a store or an index
 * loses their data (corrections included) unless an upgrade step moves it.
 */
export const STORES = {
  machine: 'machine-translations',
  corrections: 'corrections',
  texts: 'texts',
  drafts: 'drafts',
  feeds: 'feeds',
  glossary: 'glossary',
} as const;

export interface ReaderDB extends DBSchema {
  'machine-translations': {
    key: [string, string]; // [cacheKey, sourceHash]
    value: MachineRecord;
    indexes: { lastUsed: number };
  };
  corrections: {
    key: string; // sourceHash
    value: CorrectionRecord;
    indexes: { updatedAt: number };
  };
  texts: {
    key: string; // UserText.id
    value: UserText;
    indexes: { updatedAt: number };
  };
  drafts: {
    key: [string, string, string]; // [article, segment id, editor] (version 6; [article, segment] before)
    value: DraftRecord;
  };
  feeds: {
    key: string; // the address the reader added
    value: FeedRecord;
  };
  glossary: {
    key: string; // GlossaryEntry.id (version 7)
    value: GlossaryEntry;
  };
}

/** A draft record as this version writes it (older or foreign records are skipped). */
export function isDraft(v: unknown): v is DraftRecord {
  const r = v as DraftRecord;
  return (
    !!r &&
    typeof r.text === 'string' &&
    typeof r.segment === 'string' &&
    typeof r.sourceHash === 'string' &&
    typeof r.editor === 'string'
  );
}
