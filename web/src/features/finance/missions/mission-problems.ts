import type { ApiError } from "../../../shared/api/api-error.ts";
import { normaliseField } from "../../../shared/hooks/use-submit.ts";

/** A key whose contributions would no longer equal its net cost: the rule is about the keys chosen. */
const KEY_GROUP_UNBALANCED = "budget.key_group_unbalanced";
const FIELDS = ["name", "description", "leadMemberId", "keys.investissement", "keys.fonctionnement"];

/**
 * Where the messages of a failed mission save go: every message about the members (several may
 * be missing: "memberIds", "memberIds.2"), the broken key balances under the keys, and whether a
 * field has its input on screen (the others are listed in the form's alert).
 */
export function missionProblems(error: ApiError | undefined) {
  const problems = error?.problem.errors ?? [];
  const keyGroup = problems.filter((p) => p.code === KEY_GROUP_UNBALANCED);
  const keyGroupFields = new Set(keyGroup.map((p) => normaliseField(p.field)));
  const members = (error?.fields ?? [])
    .filter((f) => {
      const n = normaliseField(f.field);
      return n === "memberIds" || n.startsWith("memberIds.");
    })
    .map((f) => f.message);
  return {
    members,
    keyGroup: keyGroup.map((p) => p.message),
    shown: (f: string) =>
      FIELDS.includes(f) || f === "memberIds" || f.startsWith("memberIds.") || keyGroupFields.has(f),
  };
}
