import { isValidSiren, isValidSiret } from "../../shared/siren.ts";
import { type Issue, localized } from "../errors.ts";
import type { Entente, Exercise, Member } from "./entente.ts";
import { groupByKey } from "./group-by-key.ts";
import { resolveKeyShares } from "./resolve-key-shares.ts";

/** Whether `member` belongs to the entente in exercise `year` (from ≤ year ≤ to). */
export function belongsIn(member: Pick<Member, "from" | "to">, year: number): boolean {
  return (member.from === undefined || member.from <= year) && (member.to === undefined || year <= member.to);
}

/**
 * Whether the dashboard of exercise `year` lists `member`: the members of that year (belongsIn),
 * and a former member still called that year — the recall of its last year's operating called
 * the year after, an adjustment, an issued call — so that the rows add up to what is called. A
 * member joining later is not listed with zeros (issue 9: a year lists the members of that year);
 * every member, whatever its years, is listed by `GET /api/ententes/:id`.
 * @param called what the member is called that year (cents), computed or issued.
 * @example listedInYear({ from: 2025 }, 2023, false) // false
 */
export function listedInYear(member: Pick<Member, "from" | "to">, year: number, called: boolean): boolean {
  return belongsIn(member, year) || called;
}

/** The membership as messages show it: « 2025 – 2027 », « depuis 2025 », « jusqu'en 2024 ». */
export function membershipText(member: Pick<Member, "from" | "to">) {
  const { from, to } = member;
  if (from !== undefined && to !== undefined) return localized(`de ${from} à ${to}`, `from ${from} to ${to}`);
  if (from !== undefined) return localized(`depuis ${from}`, `since ${from}`);
  if (to !== undefined) return localized(`jusqu'en ${to}`, `until ${to}`);
  return localized("sans limite", "without limits");
}

/**
 * A member's identifiers and dates: SIREN and SIRET with their check digit (INSEE, siren.ts), a
 * SIRET that starts with the member's SIREN, a membership that ends no earlier than it starts.
 */
export function validateMember(member: Member, m: number): Issue[] {
  const issues: Issue[] = [];
  const at = (field: string) => ["members", m, field];
  if (member.siren !== undefined && !isValidSiren(member.siren))
    issues.push({
      code: "member.siren_invalid",
      path: at("siren"),
      details: { member: member.id, value: member.siren },
    });
  if (member.siret !== undefined && !isValidSiret(member.siret))
    issues.push({
      code: "member.siret_invalid",
      path: at("siret"),
      details: { member: member.id, value: member.siret },
    });
  else if (member.siret !== undefined && member.siren !== undefined && !member.siret.startsWith(member.siren))
    issues.push({
      code: "member.siret_not_of_siren",
      path: at("siret"),
      details: { member: member.id, siret: member.siret, siren: member.siren },
    });
  if (member.from !== undefined && member.to !== undefined && member.from > member.to)
    issues.push({
      code: "member.membership_order",
      path: at("to"),
      details: { member: member.id, from: member.from, to: member.to },
    });
  return issues;
}

/** The ids of the keys an exercise uses: its key groups' and its advances'. */
function keysUsed(entente: Entente, exercise: Exercise): Set<string> {
  return new Set([
    ...groupByKey(entente, exercise).map((g) => g.key),
    ...exercise.advances.map((a) => a.key),
  ]);
}

/**
 * A member is billed only for the exercises it belongs to: no key used in an exercise may give a
 * share to a member outside its membership that year (`member.billed_outside_membership`, at the
 * exercise). `entente` is the entente at the exercise's year (ententeAtYear). Keys that do not
 * resolve are reported by validateKeys.
 */
export function checkMembersBilled(entente: Entente, exercise: Exercise, e: number): Issue[] {
  const outside = entente.members.filter((m) => !belongsIn(m, exercise.year));
  if (outside.length === 0) return [];
  const memberOrder = entente.members.map((m) => m.id);
  const issues: Issue[] = [];
  for (const keyId of keysUsed(entente, exercise)) {
    const key = entente.keys.find((k) => k.id === keyId);
    const result = key === undefined ? undefined : resolveKeyShares(key, memberOrder);
    if (result === undefined || !result.ok) continue;
    for (const member of outside) {
      const index = result.shares.members.indexOf(member.id);
      if (index === -1 || result.shares.numerators[index] === 0n) continue;
      issues.push({
        code: "member.billed_outside_membership",
        path: ["exercises", e],
        details: { member: member.name, key: keyId, year: exercise.year, membership: membershipText(member) },
      });
    }
  }
  return issues;
}
