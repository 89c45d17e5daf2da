import { z } from "zod";

/**
 * zod schemas of the values every context's API shares (amounts, rates, ids, years). Amounts are
 * euros as exact decimal strings with two decimals ("305797.00"), never JSON numbers; rates are
 * percent decimal strings ("30.6").
 */

export const EuroAmount = z
  .string()
  .regex(/^-?\d{1,15}(\.\d{1,2})?$/, {
    message:
      "montant en euros attendu : au plus 15 chiffres avant la virgule, 2 après (ex. 45276 ou 45276.50)",
  })
  .meta({
    description: "Amount in euros, exact decimal string (at most 2 decimals).",
    examples: ["305797.00"],
  });
export const PercentText = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, { message: "taux en % attendu, ex. 30.6" });
export const IdParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
export const YearParam = z.coerce.number().int().min(1900).max(2200);
