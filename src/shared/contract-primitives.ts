import { z } from "zod";
import { ID_PATTERN, MAX_ID_LENGTH } from "./identifiers.ts";
import { MAX_AMOUNT_INTEGER_DIGITS, READ_AMOUNT_INTEGER_DIGITS } from "./limits.ts";

/**
 * zod schemas of the values every context's API shares (amounts, rates, ids, years). Amounts are
 * euros as exact decimal strings with two decimals ("305797.00"), never JSON numbers; rates are
 * percent decimal strings ("30.6").
 */

/**
 * An amount the API answers: a total may be larger than any amount written (limits.ts derives
 * how much larger), so a read never fails on a figure made of valid inputs.
 */
export const EuroAmount = z
  .string()
  .regex(new RegExp(`^-?\\d{1,${READ_AMOUNT_INTEGER_DIGITS}}(\\.\\d{1,2})?$`), {
    message: `montant en euros attendu : au plus ${READ_AMOUNT_INTEGER_DIGITS} chiffres avant la virgule, 2 après`,
  })
  .meta({
    description: "Amount in euros, exact decimal string (at most 2 decimals).",
    examples: ["305797.00"],
  });
/** The form of an amount written to the API: "45276.50", at most MAX_AMOUNT_INTEGER_DIGITS digits before the point. */
export const EURO_AMOUNT_INPUT_PATTERN = new RegExp(`^-?\\d{1,${MAX_AMOUNT_INTEGER_DIGITS}}(\\.\\d{1,2})?$`);
/**
 * An amount written to the API (budget lines, advances, adjustments, payments): at most
 * MAX_AMOUNT_INTEGER_DIGITS (12) digits before the point, so that every total of valid inputs
 * fits what reads return (limits.ts). The message gives the API's form ("45276.50"); the console
 * says it with amounts as a person types them there (web/src/shared/hooks/issue-message.ts).
 */
export const EuroAmountInput = z
  .string()
  .regex(EURO_AMOUNT_INPUT_PATTERN, {
    message: `montant en euros attendu : au plus ${MAX_AMOUNT_INTEGER_DIGITS} chiffres avant la virgule (999 999 999 999,99 € au plus), 2 après (ex. 45276 ou 45276.50)`,
  })
  .meta({
    description: `Amount in euros, exact decimal string: at most ${MAX_AMOUNT_INTEGER_DIGITS} digits before the point, 2 after.`,
    examples: ["305797.00"],
  });
export const PercentText = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, { message: "taux en % attendu, ex. 30.6" });
export const IdParam = z.string().max(MAX_ID_LENGTH).regex(ID_PATTERN);
export const YearParam = z.coerce.number().int().min(1900).max(2200);
/** The largest value of a PostgreSQL `integer` column (row versions, counters): 2^31 − 1. */
export const MAX_SQL_INTEGER = 2_147_483_647;
/**
 * The optimistic-concurrency version of a row, as read and sent back: a whole number that fits
 * PostgreSQL's `integer` (JSON allows 2^53 − 1; a larger value must be a 400 naming the field,
 * not the database's overflow as a 500).
 */
export const RowVersion = z
  .number()
  .int()
  .min(0)
  .max(MAX_SQL_INTEGER, { message: `version de ligne attendue : entier de 0 à ${MAX_SQL_INTEGER}` });
/** A budget year written in a JSON body, within the same bounds as `YearParam`. */
export const YearInput = z
  .number()
  .int()
  .min(1900, { message: "année attendue entre 1900 et 2200" })
  .max(2200, { message: "année attendue entre 1900 et 2200" });
