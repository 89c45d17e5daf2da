import type { Issue } from "../errors.ts";
import type { AllocationKey, KeyBasis } from "./entente.ts";
import type { ReferenceChecks } from "./reference-checks.ts";
import { resolveKeyShares } from "./resolve-key-shares.ts";

type Path = (string | number)[];

/** The members a basis names, with where each is written (`at`: the basis's place in the file). */
function referencedMembers(basis: KeyBasis, at: Path): { member: string; path: Path }[] {
  if (basis.kind === "usage")
    return basis.usage.values.map((v) => ({ member: v.member, path: [...at, "usage", v.member] }));
  return basis.kind === "criteria"
    ? basis.criteria.flatMap((c, ci) =>
        c.values.map((v) => ({ member: v.member, path: [...at, "criteria", ci, "values", v.member] })),
      )
    : basis.shares.map((s) => ({ member: s.member, path: [...at, basis.kind, s.member] }));
}

/** One basis of a key (its own, or a period's): known members, exact shares; its members when it resolves. */
function checkBasis(
  key: AllocationKey,
  basis: KeyBasis,
  at: Path,
  references: ReferenceChecks,
  issues: Issue[],
): readonly string[] {
  for (const { member, path } of referencedMembers(basis, at)) references.checkMember(member, path);
  const result = resolveKeyShares({ ...key, basis }, references.memberIds);
  if (result.ok) return result.shares.members;
  issues.push(...result.issues.map((issue) => ({ ...issue, path: [...at, ...issue.path] })));
  return [];
}

/** A key's periods start in different exercises (`key.period_duplicate`). */
function checkPeriodYears(key: AllocationKey, k: number, issues: Issue[]): void {
  const seen = new Set<number>();
  (key.periods ?? []).forEach((period, p) => {
    if (seen.has(period.from))
      issues.push({
        code: "key.period_duplicate",
        path: ["keys", k, "periods", p, "from"],
        details: { key: key.id, year: period.from },
      });
    seen.add(period.from);
  });
}

/**
 * Checks every key and each of its periods, appending their problems to `issues`: members they
 * name must exist, each basis must resolve to exact shares (100 % for percent keys, non-empty
 * weights and criteria), periods start in different exercises.
 * @returns the members of each key over all its periods (missions and advances are checked
 *   against them).
 */
export function validateKeys(
  keys: readonly AllocationKey[],
  references: ReferenceChecks,
  issues: Issue[],
): Map<string, ReadonlySet<string>> {
  const keyMembers = new Map<string, ReadonlySet<string>>();
  keys.forEach((key, k) => {
    const members = new Set(checkBasis(key, key.basis, ["keys", k], references, issues));
    (key.periods ?? []).forEach((period, p) => {
      for (const m of checkBasis(key, period.basis, ["keys", k, "periods", p], references, issues))
        members.add(m);
    });
    checkPeriodYears(key, k, issues);
    if (members.size > 0) keyMembers.set(key.id, members);
  });
  return keyMembers;
}
