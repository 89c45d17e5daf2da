import { z } from "zod";

/**
 * One period of an allocation key as the console shows it: from exercise `from` (null: the key's
 * first basis, from the start) until the next period. `shares`: per member, `value` as entered
 * (percent: the rate; weights: the integer weight, e.g. a population; criteria: the resolved share)
 * and `percent`, the exact share in percent (empty when the period's figures do not resolve);
 * `criteria`, for a criteria period, its criteria as entered.
 */
export const KeyPeriodView = z.object({
  from: z.number().int().nullable(),
  basis: z.enum(["percent", "weights", "criteria", "usage"]),
  source: z.string().nullable(),
  shares: z.array(z.object({ memberId: z.string(), value: z.string(), percent: z.string() })),
  /**
   * Criteria periods only: each criterion with its label, source (origin and year of its
   * figures), weight in percent of the key (decimal text) and each member's value as entered.
   */
  criteria: z
    .array(
      z.object({
        id: z.string(),
        label: z.string().nullable(),
        source: z.string().nullable(),
        weight: z.string(),
        values: z.array(z.object({ memberId: z.string(), value: z.string() })),
      }),
    )
    .optional(),
});
