import { z } from "zod";

/**
 * One period of an allocation key as the console shows it: from exercise `from` (null: the key's
 * first basis, from the start) until the next period. `shares`: per member, `value` as entered
 * (percent: the rate; weights: the integer weight, e.g. a population; criteria: the resolved share)
 * and `percent`, the exact share in percent (empty when the period's figures do not resolve).
 */
export const KeyPeriodView = z.object({
  from: z.number().int().nullable(),
  basis: z.enum(["percent", "weights", "criteria", "usage"]),
  source: z.string().nullable(),
  shares: z.array(z.object({ memberId: z.string(), value: z.string(), percent: z.string() })),
});
