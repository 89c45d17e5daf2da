import { z } from "zod";

/**
 * The identifiers people choose — an entente's, a member's, a key's, a mission's: a letter or
 * digit, then letters, digits, `.`, `_` or `-` (they appear in the API's paths and in file
 * names). One rule for the API (contract-primitives.ts `IdParam`) and the command line.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Longest identifier: the longest path parameter the HTTP server routes (Fastify's maxParamLength). */
export const MAX_ID_LENGTH = 100;

/** What is wrong with an identifier: empty, longer than MAX_ID_LENGTH, or not of ID_PATTERN; null when valid. */
export type IdProblem = "empty" | "too_long" | "format" | null;

/**
 * @example idProblem("lyon-2023") // null
 * @example idProblem("../bad id") // "format"
 */
export function idProblem(id: string): IdProblem {
  if (id.length === 0) return "empty";
  if (id.length > MAX_ID_LENGTH) return "too_long";
  return ID_PATTERN.test(id) ? null : "format";
}

/** What an identifier must be, in French and English, for the message of a refused one. */
export const ID_RULE = {
  fr: `identifiant de 1 à ${MAX_ID_LENGTH} caractères : lettres sans accent, chiffres, « . », « _ » ou « - », commençant par une lettre ou un chiffre (ex. lyon-2023)`,
  en: `an id of 1 to ${MAX_ID_LENGTH} characters: unaccented letters, digits, ".", "_" or "-", starting with a letter or digit (e.g. lyon-2023)`,
} as const;

/** An e-mail address as the API takes it (sign-in, accounts): zod's e-mail rule, at most 254 characters (RFC 5321). */
export const EmailAddress = z.email().max(254);

/** Whether `text` is an e-mail address by the API's rule (EmailAddress). */
export function isEmailAddress(text: string): boolean {
  return EmailAddress.safeParse(text).success;
}
