/**
 * The records corrections and machine translations are stored, exported and imported as: one set of
 * schemas, from which their types are inferred and against which stored records and imports are checked.
 * zod's "mini" build: the reader validates what IndexedDB hands it, and this keeps that cheap to download.
 */
import * as z from 'zod/mini';

/** machine: reverted to (and showing) the machine text; edited: the reader's text; confirmed: checked and final. */
export const CORRECTION_STATUSES = ['machine', 'edited', 'confirmed'] as const;
const status = z.enum(CORRECTION_STATUSES);

export const correctionVersion = z.object({ text: z.string(), status, at: z.number() });

/** A reader's own translation of a Dutch text. Never overwritten by a machine translation. */
export const correctionRecord = z.object({
  /** hashText(normalizeText(source)) */
  sourceHash: z.string().check(z.minLength(1)),
  source: z.string().check(z.minLength(1)),
  text: z.string(),
  status,
  /** The machine text this correction replaced (for the diff and for revert). */
  machineText: z.string(),
  /** Where it was made, so the same Dutch text elsewhere can mark it as a translation-memory match. */
  origin: z.object({ article: z.string(), segment: z.string() }),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Earlier versions, oldest first, including ones another tab overwrote. */
  history: z.array(correctionVersion),
});

export const sentenceTranslation = z.object({
  source: z.string(),
  start: z.number(),
  end: z.number(),
  target: z.string(),
  tokens: z.optional(z.array(z.number())),
  logprobs: z.optional(z.array(z.number())),
});

/** A machine translation of one paragraph, as the model made it under one configuration. */
export const machineRecord = z.object({
  /** translationCacheKey(config): model, revision, source, dtype, device, decoding. */
  cacheKey: z.string(),
  sourceHash: z.string(),
  source: z.string(),
  text: z.string(),
  sentences: z.array(sentenceTranslation),
  createdAt: z.number(),
  /** For eviction, oldest used first. */
  lastUsed: z.number(),
});

export type CorrectionStatus = z.infer<typeof status>;
export type CorrectionVersion = z.infer<typeof correctionVersion>;
export type CorrectionRecord = z.infer<typeof correctionRecord>;
export type MachineRecord = z.infer<typeof machineRecord>;

export const isCorrection = (value: unknown): value is CorrectionRecord => correctionRecord.safeParse(value).success;
export const isMachineRecord = (value: unknown): value is MachineRecord => machineRecord.safeParse(value).success;
