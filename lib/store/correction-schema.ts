/**
 * The records corrections and machine translations are stored, exported and imported as: one set of
 * schemas, from which their types are inferred and against which stored records and imports are checked.
 * zod's "mini" build: the reader validates what IndexedDB hands it, and this keeps that cheap to download.
 */
import * as z from 'zod/mini';

/** machine: reverted to (and showing) the machine text; edited: the reader's text; confirmed: checked and final. */
export const CORRECTION_STATUSES = ['machine', 'edited', 'confirmed'] as const;
const status = z.enum(CORRECTION_STATUSES);

/** How a version's text came about, when not typed: a translation the reader chose from the model's alternatives. */
export const CORRECTION_VIAS = ['alternative'] as const;
const via = z.optional(z.enum(CORRECTION_VIAS));

export const correctionVersion = z.object({ text: z.string(), status, at: z.number(), via });

/** A reader's own translation of a Dutch text. Never overwritten by a machine translation. */
export const correctionRecord = z.object({
  /** sourceHash(source) */
  sourceHash: z.string().check(z.minLength(1)),
  source: z.string().check(z.minLength(1)),
  text: z.string(),
  status,
  /** The machine text this correction replaced (for the diff and for revert). */
  machineText: z.string(),
  /** Where it was made, so the same Dutch text elsewhere can mark it as a translation-memory match. */
  origin: z.object({ article: z.string(), segment: z.string(), via }),
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
  /** [start, end, p] per English word: how sure the model was (absent in records made before it said). */
  words: z.optional(z.array(z.tuple([z.number(), z.number(), z.number()]))),
  /** Its other translations, best first, when the translation's own beam search already found them. */
  alternatives: z.optional(z.array(z.string())),
});

/** A machine translation of one paragraph, as the model made it under one configuration. */
export const machineRecord = z.object({
  /** translationCacheKey(config): model, revision, source, dtype, device, decoding. */
  cacheKey: z.string(),
  sourceHash: z.string(),
  source: z.string(),
  text: z.string(),
  sentences: z.array(sentenceTranslation),
  /** What the model offered on demand, best first: `sentence:<n>` its other translations, `gloss:<Dutch>` glosses. */
  assist: z.optional(z.record(z.string(), z.array(z.string()))),
  createdAt: z.number(),
  /** For eviction, oldest used first. */
  lastUsed: z.number(),
});

export type CorrectionStatus = z.infer<typeof status>;
export type CorrectionVia = (typeof CORRECTION_VIAS)[number];
export type CorrectionVersion = z.infer<typeof correctionVersion>;
export type CorrectionRecord = z.infer<typeof correctionRecord>;
export type MachineRecord = z.infer<typeof machineRecord>;

export const isCorrection = (value: unknown): value is CorrectionRecord => correctionRecord.safeParse(value).success;
export const isMachineRecord = (value: unknown): value is MachineRecord => machineRecord.safeParse(value).success;
