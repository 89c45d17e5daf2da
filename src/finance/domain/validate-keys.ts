import type { Issue } from "../errors.ts";
import type { AllocationKey } from "./entente.ts";
import type { ReferenceChecks } from "./reference-checks.ts";
import { resolveKeyShares } from "./resolve-key-shares.ts";

/** The members a key names, with where each is written. */
function referencedMembers(key: AllocationKey, k: number): { member: string; path: (string | number)[] }[] {
  return key.basis.kind === "criteria"
    ? key.basis.criteria.flatMap((c, ci) =>
        c.values.map((v) => ({ member: v.member, path: ["keys", k, "criteria", ci, "values", v.member] })),
      )
    : key.basis.shares.map((s) => ({ member: s.member, path: ["keys", k, key.basis.kind, s.member] }));
}

/**
 * Checks every key, appending its problems to `issues`: members it names must exist, and it must
 * resolve to exact shares (100 % for percent keys, non-empty weights and criteria).
 * @returns the members of each key that resolves (missions and advances are checked against them).
 */
export function validateKeys(
  keys: readonly AllocationKey[],
  references: ReferenceChecks,
  issues: Issue[],
): Map<string, ReadonlySet<string>> {
  const keyMembers = new Map<string, ReadonlySet<string>>();
  keys.forEach((key, k) => {
    for (const { member, path } of referencedMembers(key, k)) references.checkMember(member, path);
    const result = resolveKeyShares(key, references.memberIds);
    if (result.ok) keyMembers.set(key.id, new Set(result.shares.members));
    else issues.push(...result.issues.map((issue) => ({ ...issue, path: ["keys", k, ...issue.path] })));
  });
  return keyMembers;
}
