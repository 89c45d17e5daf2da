import { z } from "zod";
import { EuroAmount, IdParam, PercentText } from "../../shared/contract-primitives.ts";
import { MAX_LABEL_LENGTH } from "../../shared/limits.ts";

/** Short label (key, line): at most MAX_LABEL_LENGTH characters, not empty. */
const LABEL = z
  .string()
  .max(MAX_LABEL_LENGTH, { message: `${MAX_LABEL_LENGTH} caractères au plus` })
  .trim()
  .min(1, { message: "texte non vide attendu" });

// The key simulator's and a member's statement's contracts (api.ts re-exports them).
/**
 * `POST /api/ententes/:id/key-simulations`: each member's contribution to exercise `year` under
 * key `keyId` as it is, then under each alternative — another key of the entente (`basedOn`), or
 * fixed shares (`percent`) or integer weights (`weights`, e.g. population or usage) — with members
 * joining or leaving. Nothing is saved. Unknown fields are refused (a misspelt `leaving` would
 * otherwise be ignored).
 */
export const KeySimulationRequest = z.strictObject({
  year: z.number().int().min(1900).max(2200),
  keyId: IdParam,
  alternatives: z
    .array(
      z
        .strictObject({
          label: LABEL,
          basedOn: IdParam.optional(),
          percent: z
            .array(z.strictObject({ memberId: IdParam, value: PercentText }))
            .min(1)
            .optional(),
          weights: z
            .array(
              z.strictObject({
                memberId: IdParam,
                value: z.string().regex(/^\d{1,15}$/, { message: "entier ≥ 0 attendu" }),
              }),
            )
            .min(1)
            .optional(),
          /** Usage of a workplace service over the year (issue 11): `seats` or a reported metric. */
          usage: z
            .strictObject({ service: IdParam, metric: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/) })
            .optional(),
          joining: z.array(IdParam).max(500).optional(),
          leaving: z.array(IdParam).max(500).optional(),
          /** Hypothetical communes joining in `year` (not members: ids not used by one), with a share in the basis. */
          newcomers: z
            .array(z.strictObject({ id: IdParam, name: LABEL }))
            .max(50)
            .optional(),
        })
        .refine(
          (a) => [a.basedOn, a.percent, a.weights, a.usage].filter((b) => b !== undefined).length === 1,
          { message: "une seule base : basedOn, percent, weights ou usage" },
        ),
    )
    .min(1)
    .max(10),
});
export const KeySimulation = z.object({
  year: z.number().int(),
  keyId: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.object({ memberId: z.string(), name: z.string(), amounts: z.array(EuroAmount) })),
  totals: z.array(EuroAmount),
});

/** A member's statement: called, paid and due per call year; what it still owes in all. */
export const MemberStatement = z.object({
  memberId: z.string(),
  years: z.array(
    z.object({
      year: z.number().int(),
      called: EuroAmount,
      issued: z.boolean(),
      /** Net: payments − refunds. */
      paid: EuroAmount,
      /** Σ refunds of a trop-perçu. */
      refunded: EuroAmount,
      due: EuroAmount,
    }),
  ),
  stillOwed: EuroAmount,
});
