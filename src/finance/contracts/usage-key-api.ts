import { z } from "zod";
import { IdParam } from "../../shared/contract-primitives.ts";

/** A metric's name as services report it in `usage_metrics` (`storage_used`…), or `seats`. */
export const UsageMetric = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, { message: "nom de métrique attendu (ex. seats, storage_used)" });

/**
 * `POST /api/ententes/:id/usage-keys` (issue 11 §2): a mission's usage key from exercise `year`,
 * from one workplace service's seats or measured usage over that year; `freeze` stores the
 * figures as the period of the mission's key from `year` (secretariat), else they are only shown.
 */
export const UsageKeyRequest = z.object({
  missionId: IdParam,
  section: z.enum(["investissement", "fonctionnement"]).default("fonctionnement"),
  year: z.number().int().min(1900).max(2200),
  service: IdParam,
  metric: UsageMetric,
  freeze: z.boolean().default(false),
});

/** Integers as decimal text (exact: seats, bytes…). */
const IntegerText = z.string().regex(/^\d+$/);

/** The usage key: its figures with their source, and each member's exact share. */
export const UsageKey = z.object({
  keyId: z.string(),
  year: z.number().int(),
  service: z.string(),
  serviceName: z.string(),
  metric: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  snapshotAt: z.string(),
  source: z.string(),
  frozen: z.boolean(),
  members: z.array(
    z.object({
      memberId: z.string(),
      seats: IntegerText,
      measured: IntegerText,
      weight: IntegerText,
      /** Exact share `numerator/denominator` (reduced). */
      share: z.string(),
      /** The share in percent, 4 decimals at most (display; `…` when it does not terminate). */
      percent: z.string(),
    }),
  ),
});
