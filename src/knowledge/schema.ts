import { z } from 'zod';

/** Kinds a reader needs to tell an allegation from a finding from reporting. Unknown kinds are not guessed. */
export const DOCUMENT_KINDS = [
  'complaint',
  'answer',
  'motion',
  'brief',
  'order',
  'opinion',
  'judgment',
  'exhibit',
  'transcript',
  'declaration',
  'settlement',
  'docket',
  'news-article',
  'article',
  'press-release',
  'other',
] as const;

const isoDate = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });

/** Front matter of a Markdown/text document, or one entry of the pack manifest. */
export const documentMetaSchema = z.strictObject({
  title: z.string().trim().min(1, { error: 'expected a non-empty title' }),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  date: z.union([isoDate, z.date().transform((date) => date.toISOString().slice(0, 10))]).optional(),
  url: z.url({ error: 'expected an absolute URL such as https://example.com/filing.pdf' }).optional(),
  court: z.string().trim().min(1).optional(),
  docket: z.string().trim().min(1).optional(),
  ecf: z.number().int().positive({ error: 'expected the docket entry number, 1 or more' }).optional(),
});

export const packManifestSchema = z.strictObject({
  /** The case's name, shown in /docs and the console banner. */
  name: z.string().trim().min(1).optional(),
  /** Groups of words and phrases that mean the same thing here (Meta ↔ Facebook, DM ↔ direct message). */
  aliases: z.array(z.array(z.string().trim().min(1)).min(2, { error: 'an alias group needs at least two phrases' })).default([]),
  /** Metadata for files that cannot carry front matter (PDF, HTML), by path relative to the folder. */
  documents: z.record(z.string(), documentMetaSchema.partial()).default({}),
});

export type PackManifest = z.infer<typeof packManifestSchema>;
