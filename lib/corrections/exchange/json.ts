import * as z from 'zod/mini';
import { correctionRecord, machineRecord, type CorrectionRecord } from '@/lib/store/correction-schema';
import { glossaryEntrySchema } from '@/lib/store/glossary-schema';
import type { GlossaryEntry } from '@/lib/store/glossary-types';
import { ImportProblem } from './problem';

/** The JSON export: lossless (every field, every earlier version) and versioned. */
export const EXPORT_FORMAT = 'tweetalig-corrections';
export const EXPORT_VERSION = 1;

const file = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  corrections: z.array(correctionRecord),
  machine: z.optional(z.array(machineRecord)),
  /** The reader's glossary (since the glossary; files without one import as before). */
  glossary: z.optional(z.array(glossaryEntrySchema)),
});

export type ExportFile = z.infer<typeof file>;

export function toJson(
  corrections: CorrectionRecord[],
  machineRecords?: ExportFile['machine'],
  glossary?: GlossaryEntry[],
): string {
  const out: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    corrections,
  };
  if (machineRecords) out.machine = machineRecords;
  if (glossary?.length) out.glossary = glossary;
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Parses and validates a whole file before anything is applied; throws a message naming what is wrong. */
export function parseJson(text: string): ExportFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImportProblem('notJson', err instanceof Error ? err.message : String(err));
  }
  const result = file.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ImportProblem('invalid', `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
