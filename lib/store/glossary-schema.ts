import * as z from 'zod/mini';

/** A glossary entry as the JSON export carries it and its import checks it (the stored shape: glossary-types.ts). */
export const glossaryEntrySchema = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  variants: z.array(z.string()),
  caseSensitive: z.boolean(),
  note: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
