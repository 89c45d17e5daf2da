import type { Cents } from "../../shared/money.ts";
import type { Issue } from "../errors.ts";
import type { Adjustment, Advance, Entente } from "./entente.ts";
import { validateEntente } from "./validate-entente.ts";

/** The advances and adjustments of an exercise as the console edits them (cents; adjustments signed). */
export interface SettlementChange {
  readonly advances: readonly {
    readonly id: string;
    readonly label: string;
    readonly memberId: string;
    readonly amountCents: Cents;
    readonly keyId: string;
  }[];
  readonly adjustments: readonly {
    readonly id: string;
    readonly label: string;
    readonly amounts: readonly { readonly memberId: string; readonly amountCents: Cents }[];
  }[];
}

/** The entente with exercise `year`'s advances and adjustments replaced by `settlement`. */
function withSettlement(entente: Entente, year: number, settlement: SettlementChange): Entente {
  const advances: Advance[] = settlement.advances.map((a, i) => ({
    id: a.id,
    label: a.label,
    member: a.memberId,
    amount: a.amountCents,
    key: a.keyId,
    path: ["advances", i],
  }));
  const adjustments: Adjustment[] = settlement.adjustments.map((a, i) => ({
    id: a.id,
    label: a.label,
    amounts: a.amounts.map((x) => ({ member: x.memberId, amount: x.amountCents })),
    path: ["adjustments", i],
  }));
  return {
    ...entente,
    exercises: entente.exercises.map((e) => (e.year === year ? { ...e, advances, adjustments } : e)),
  };
}

/**
 * The engine's rules (DESIGN.md) that new advances and adjustments of exercise `year` would
 * break: unique ids, known members and keys, an advance made by a member of its key,
 * adjustments summing to zero, whole rounding units — each at its field of the request
 * (`advances[0].memberId`).
 */
export function settlementChangeIssues(
  entente: Entente,
  year: number,
  settlement: SettlementChange,
): Issue[] {
  const candidate = withSettlement(entente, year, settlement);
  const exerciseIndex = candidate.exercises.findIndex((e) => e.year === year);
  const isSettlementField = (segment: unknown) => ["advances", "adjustments"].includes(String(segment));
  return validateEntente(candidate)
    .filter(
      (issue) =>
        isSettlementField(issue.path[0]) ||
        (issue.path[0] === "exercises" &&
          issue.path[1] === exerciseIndex &&
          isSettlementField(issue.path[2])),
    )
    .map((issue) => ({
      ...issue,
      // Duplicate ids are found by exercise index; point them at the request's list.
      path:
        issue.path[0] === "exercises"
          ? issue.path.slice(2)
          : issue.path.map((p) => (p === "member" ? "memberId" : p === "key" ? "keyId" : p)),
    }));
}
