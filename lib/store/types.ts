import type { SentenceTranslation } from '@/lib/translation/protocol';

/** A machine translation of one paragraph, as the model made it under one configuration. */
export interface MachineRecord {
  /** translationCacheKey(config): model, revision, source, dtype, device, decoding. */
  cacheKey: string;
  /** hashText(normalizeText(source)) */
  sourceHash: string;
  source: string;
  text: string;
  sentences: SentenceTranslation[];
  createdAt: number;
  /** For eviction, oldest used first. */
  lastUsed: number;
}

/** machine: reverted to (and showing) the machine text; edited: the reader's text; confirmed: checked and final. */
export type CorrectionStatus = 'machine' | 'edited' | 'confirmed';

export interface CorrectionVersion {
  text: string;
  status: CorrectionStatus;
  at: number;
}

/** A reader's own translation of a Dutch text. Never overwritten by a machine translation. */
export interface CorrectionRecord {
  sourceHash: string;
  source: string;
  text: string;
  status: CorrectionStatus;
  /** The machine text this correction replaced (for the diff and for revert). */
  machineText: string;
  /** Where it was made, so the same Dutch text elsewhere can mark it as a translation-memory match. */
  origin: { article: string; segment: string };
  createdAt: number;
  updatedAt: number;
  /** Earlier versions, oldest first, including ones another tab overwrote. */
  history: CorrectionVersion[];
}

/**
 * What the reader is typing in an open correction editor, kept as they type: a reload, a language switch
 * or a trip to another page reopens the editor with it. Gone on save or cancel.
 */
export interface DraftRecord {
  article: string;
  /** The paragraph's id in that article. */
  segment: string;
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
  /** The open editors' unsaved texts for one article. */
  getDrafts(article: string): Promise<DraftRecord[]>;
  putDraft(draft: Omit<DraftRecord, 'updatedAt'>): Promise<void>;
  deleteDraft(article: string, segment: string): Promise<void>;
}
