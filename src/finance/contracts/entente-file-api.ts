import { z } from "zod";

// ---- the entente file, round trip -----------------------------------------------------------
/** An entente file's text (YAML or JSON, docs/entente-file.md) posted to preview or apply it. */
export const EntenteFilePost = z.object({
  text: z
    .string()
    .min(1, { message: "texte non vide attendu" })
    .max(5_000_000, { message: "5000000 caractères au plus" }),
});
/** One change an entente file makes, and the exercises whose figures it alters. */
export const EntenteFileChange = z.object({
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  years: z.union([z.array(z.number().int()), z.literal("all")]),
});
/** What applying an entente file does (or would do): its changes, and those refused. */
export const EntenteFilePreview = z.object({
  changes: z.array(EntenteFileChange),
  refused: z.array(z.object({ code: z.string(), field: z.string(), message: z.string() })),
});
