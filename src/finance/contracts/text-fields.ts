import { z } from "zod";
import {
  MAX_LABEL_LENGTH,
  MAX_NAME_LENGTH,
  MAX_REFERENCE_LENGTH,
  MAX_TEXT_LENGTH,
} from "../../shared/limits.ts";

// Text and list fields of the API's writes, shared by its contract files (api.ts, fund-call-api.ts).
/** A text field written through the API, at most `max` characters (limits.ts), the limit in the error. */
export const text = (max: number) => z.string().max(max, { message: `${max} caractères au plus` });
/** Longest names and labels accepted (characters): long enough for any French commune or line. */
export const NAME = text(MAX_NAME_LENGTH).trim().min(1, { message: "texte non vide attendu" });
export const LABEL = text(MAX_LABEL_LENGTH).trim().min(1, { message: "texte non vide attendu" });
/** Short references (deliberation number, payment reference, M57 nature, assembly). */
export const REFERENCE = text(MAX_REFERENCE_LENGTH);
/** Free text (description, subject, key source). */
export const TEXT = text(MAX_TEXT_LENGTH);
/** A list the API accepts, at most `max` items. */
export const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max, { message: `${max} éléments au plus` });
