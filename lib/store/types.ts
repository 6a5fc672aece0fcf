import type { CorrectionRecord, MachineRecord } from '@/lib/store/correction-schema';

export type {
  CorrectionRecord,
  CorrectionStatus,
  CorrectionVersion,
  CorrectionVia,
  MachineRecord,
} from '@/lib/store/correction-schema';

/**
 * What the reader is typing in an open correction editor, kept as they type: a reload, a language switch
 * or a trip to another page reopens the editor with it. Gone on save or cancel.
 */
export interface DraftRecord {
  article: string;
  /** The paragraph's id in that article. */
  segment: string;
  /**
   * The tab whose editor typed it (lib/corrections/editor-id.ts): another tab never deletes it. '' for drafts
   * stored before drafts had owners.
   */
  editor: string;
  sourceHash: string;
  text: string;
  updatedAt: number;
}

/** What an import did: new corrections, ones kept because they already existed, and repeats in the file itself. */
export interface ImportOutcome {
  added: number;
  keptExisting: number;
  /** Units with the same Dutch as an earlier unit of the same import: kept in that correction's history. */
  duplicates: number;
}

export interface TranslationStore {
  /** False when IndexedDB is unavailable and this store only lives in memory. */
  readonly persistent: boolean;
  getMachine(cacheKey: string, hashes: string[]): Promise<Map<string, MachineRecord>>;
  putMachine(record: Omit<MachineRecord, 'createdAt' | 'lastUsed'>): Promise<void>;
  getCorrections(hashes: string[]): Promise<Map<string, CorrectionRecord>>;
  /** Saves a new version; the previous one goes into history. Returns the stored record. */
  saveCorrection(input: Omit<CorrectionRecord, 'createdAt' | 'updatedAt' | 'history'>): Promise<CorrectionRecord>;
  listCorrections(): Promise<CorrectionRecord[]>;
  /** How many corrections there are: none means no translation memory to look up. */
  countCorrections(): Promise<number>;
  listMachine(): Promise<MachineRecord[]>;
  /**
   * Adds imported corrections in one transaction (all or nothing). An existing correction is never
   * overwritten: a different imported text is kept in its history instead. Returns how many were added.
   */
  importCorrections(records: CorrectionRecord[]): Promise<ImportOutcome>;
  /** Machine translations can be re-made; corrections cannot, so only these are ever cleared or evicted. */
  clearMachine(): Promise<void>;
  evictMachine(count: number): Promise<number>;
  counts(): Promise<{ machine: number; corrections: number; bytes: number }>;
  /** The open editors' unsaved texts for one article, every tab's. */
  getDrafts(article: string): Promise<DraftRecord[]>;
  putDraft(draft: Omit<DraftRecord, 'updatedAt'>): Promise<void>;
  /** Deletes one editor's draft of a paragraph: other tabs' drafts of it stay. */
  deleteDraft(article: string, segment: string, editor: string): Promise<void>;
}
