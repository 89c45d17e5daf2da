import { type Cents, formatEuros, unitInCents } from "../../shared/money.ts";
import { type Issue, type Localized, localized } from "../errors.ts";
import {
  type BudgetLine,
  type Entente,
  type Exercise,
  type Mission,
  SECTIONS,
  type Section,
} from "./entente.ts";
import { resolveKeyShares } from "./resolve-key-shares.ts";

/** Contribution receipts and net cost of one (key, section) group of an exercise. */
export interface KeyGroup {
  readonly key: string;
  readonly section: Section;
  /** Member contributions recorded as receipts for the missions of this key. */
  readonly contributions: Cents;
  /** Expenses minus the other receipts of the missions of this key. */
  readonly netCost: Cents;
  /** Missions whose lines fall in this group (`null` stands for general lines). */
  readonly missions: readonly (string | null)[];
}

/**
 * The key that shares a line's cost: its mission's key for the line's section, or the entente's
 * default key for general lines.
 */
export function keyOfLine(
  entente: Entente,
  line: Pick<BudgetLine, "mission" | "section">,
  missions: ReadonlyMap<string, Mission> = new Map(entente.missions.map((m) => [m.id, m])),
): string {
  const mission = line.mission === undefined ? undefined : missions.get(line.mission);
  return mission?.keys[line.section] ?? entente.defaultKey;
}

/**
 * Groups an exercise's lines by (key, section): the amount the members must finance under each
 * key is the sum of the `contribution` receipts of that group. Groups are listed in the order of
 * first appearance in the budget, investment before operating.
 */
export function groupByKey(entente: Entente, exercise: Exercise): KeyGroup[] {
  const groups = new Map<
    string,
    { key: string; section: Section; contributions: Cents; netCost: Cents; missions: (string | null)[] }
  >();
  const missions = new Map(entente.missions.map((m) => [m.id, m]));
  for (const section of SECTIONS) {
    for (const line of exercise.lines) {
      if (line.section !== section) continue;
      const key = keyOfLine(entente, line, missions);
      const id = `${key}\u0000${section}`;
      let group = groups.get(id);
      if (group === undefined) {
        group = { key, section, contributions: 0n, netCost: 0n, missions: [] };
        groups.set(id, group);
      }
      const mission = line.mission ?? null;
      if (!group.missions.includes(mission)) group.missions.push(mission);
      if (line.direction === "expense") group.netCost += line.amount;
      else if (line.receiptKind === "contribution") group.contributions += line.amount;
      else group.netCost -= line.amount;
    }
  }
  return [...groups.values()];
}

/** An amount for messages, French and English formatting. */
function euros(cents: Cents, signed = false): Localized {
  const magnitude = cents < 0n ? -cents : cents;
  const sign = cents < 0n ? "-" : signed && cents > 0n ? "+" : "";
  return localized(
    `${formatEuros(cents, { signed })} €`,
    `${sign}€${formatEuros(magnitude, { locale: "en-GB" })}`,
  );
}

const WHAT = {
  member: localized("membre", "member"),
  key: localized("clé", "key"),
  mission: localized("mission", "mission"),
  exercise: localized("exercice", "exercise"),
  advance: localized("avance", "advance"),
  adjustment: localized("régularisation", "adjustment"),
};

function findDuplicates<T>(
  items: readonly T[],
  idOf: (item: T) => string | number,
  what: Localized,
  pathOf: (index: number) => (string | number)[],
): Issue[] {
  const seen = new Map<string | number, number>();
  const issues: Issue[] = [];
  items.forEach((item, index) => {
    const id = idOf(item);
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else
      issues.push({
        code: "entente.duplicate_id",
        path: pathOf(index),
        details: {
          id: String(id),
          what,
          first: localized(`à la position ${first + 1}`, `at position ${first + 1}`),
        },
        related: pathOf(first),
      });
  });
  return issues;
}

/**
 * Checks every rule of DESIGN.md pillar 1 that the data must satisfy before any computation,
 * and returns all problems at once (an empty list means the entente is valid):
 * unique ids; known references (members, keys, missions); keys summing to exactly 100 %; key
 * members taking part in their mission; per exercise, expenses = receipts in each section
 * (`budget.unbalanced`), contributions = net cost for every mission key other than the default
 * (`budget.key_group_unbalanced`, CGCT L5221-1: contributions equal the net cost); amounts to
 * share in whole rounding units; advances by members of their key; adjustments summing to zero.
 */
export function validateEntente(entente: Entente): Issue[] {
  const issues: Issue[] = [];
  const memberIds = entente.members.map((m) => m.id);
  const keyIds = entente.keys.map((k) => k.id);
  const missionIds = entente.missions.map((m) => m.id);
  const memberSet = new Set(memberIds);
  const unknown = (what: Localized, id: string, known: readonly string[], path: (string | number)[]) => {
    const shown =
      known.length > 20 ? `${known.slice(0, 20).join(", ")}… (${known.length})` : known.join(", ");
    issues.push({ code: "entente.unknown_reference", path, details: { what, id, known: shown || "—" } });
  };
  const checkMember = (id: string, path: (string | number)[]) => {
    if (!memberSet.has(id)) unknown(WHAT.member, id, memberIds, path);
  };

  issues.push(
    ...findDuplicates(
      entente.members,
      (m) => m.id,
      WHAT.member,
      (i) => ["members", i, "id"],
    ),
    ...findDuplicates(
      entente.keys,
      (k) => k.id,
      WHAT.key,
      (i) => ["keys", i, "id"],
    ),
    ...findDuplicates(
      entente.missions,
      (m) => m.id,
      WHAT.mission,
      (i) => ["missions", i, "id"],
    ),
    ...findDuplicates(
      entente.exercises,
      (e) => e.year,
      WHAT.exercise,
      (i) => ["exercises", i, "year"],
    ),
  );
  if (entente.budgetHolder !== undefined) checkMember(entente.budgetHolder, ["entente", "budgetHolder"]);
  if (!keyIds.includes(entente.defaultKey))
    unknown(WHAT.key, entente.defaultKey, keyIds, ["entente", "defaultKey"]);

  const keyMembers = new Map<string, ReadonlySet<string>>();
  entente.keys.forEach((key, k) => {
    const referenced =
      key.basis.kind === "criteria"
        ? key.basis.criteria.flatMap((c, ci) =>
            c.values.map((v) => ({
              member: v.member,
              path: ["keys", k, "criteria", ci, "values", v.member] as (string | number)[],
            })),
          )
        : key.basis.shares.map((s) => ({
            member: s.member,
            path: ["keys", k, key.basis.kind, s.member] as (string | number)[],
          }));
    for (const { member, path } of referenced) checkMember(member, path);
    const result = resolveKeyShares(key, memberIds);
    if (result.ok) keyMembers.set(key.id, new Set(result.shares.members));
    else issues.push(...result.issues.map((issue) => ({ ...issue, path: ["keys", k, ...issue.path] })));
  });

  entente.missions.forEach((mission, m) => {
    const reportedOutsiders = new Set<string>();
    if (mission.lead !== undefined) checkMember(mission.lead, ["missions", m, "lead"]);
    mission.members.forEach((member, i) => {
      checkMember(member, ["missions", m, "members", i]);
    });
    for (const section of SECTIONS) {
      const key = mission.keys[section];
      if (!keyIds.includes(key)) {
        unknown(WHAT.key, key, keyIds, ["missions", m, "keys", section]);
        continue;
      }
      const participants = new Set(mission.members);
      for (const member of keyMembers.get(key) ?? []) {
        // Unknown members are reported on the key itself.
        if (!memberSet.has(member)) continue;
        if (!participants.has(member) && !reportedOutsiders.has(`${key}\u0000${member}`)) {
          reportedOutsiders.add(`${key}\u0000${member}`);
          issues.push({
            code: "mission.key_member_not_participant",
            path: ["missions", m, "members"],
            details: { key, mission: mission.id, member },
          });
        }
      }
    }
  });

  entente.exercises.forEach((exercise, e) => {
    issues.push(
      ...validateExercise(entente, exercise, e, {
        missionIds,
        keyIds,
        checkMember,
        unknown,
        keyMembers,
        memberIds: memberSet,
      }),
    );
  });
  return issues;
}

function validateExercise(
  entente: Entente,
  exercise: Exercise,
  e: number,
  ctx: {
    missionIds: readonly string[];
    keyIds: readonly string[];
    keyMembers: ReadonlyMap<string, ReadonlySet<string>>;
    checkMember: (id: string, path: (string | number)[]) => void;
    unknown: (what: Localized, id: string, known: readonly string[], path: (string | number)[]) => void;
    memberIds: ReadonlySet<string>;
  },
): Issue[] {
  const issues: Issue[] = [];
  const unit = unitInCents(entente.rounding.unit);
  const unitName = entente.rounding.unit === "euro" ? "euro" : "centime";
  if (exercise.calledIn < exercise.year) {
    issues.push({
      code: "exercise.called_before_year",
      path: ["exercises", e, "calledIn"],
      details: { year: exercise.year, calledIn: exercise.calledIn },
    });
  }
  let referencesOk = true;
  const reported = new Set<string>();
  for (const line of exercise.lines) {
    const entry = JSON.stringify(line.path.slice(0, -1));
    if (line.mission !== undefined && !ctx.missionIds.includes(line.mission) && !reported.has(entry)) {
      reported.add(entry);
      // line.path points at the section's amount; the mission field sits beside it.
      ctx.unknown(WHAT.mission, line.mission, ctx.missionIds, [...line.path.slice(0, -1), "mission"]);
      referencesOk = false;
    }
  }
  issues.push(
    ...findDuplicates(
      exercise.advances,
      (a) => a.id,
      WHAT.advance,
      (i) => ["exercises", e, "advances", i, "id"],
    ),
  );
  issues.push(
    ...findDuplicates(
      exercise.adjustments,
      (a) => a.id,
      WHAT.adjustment,
      (i) => ["exercises", e, "adjustments", i, "id"],
    ),
  );

  // Balance per section: expenses = receipts (a budget voted in balance, CGCT L1612-4).
  const differences = SECTIONS.map((section) => {
    const lines = exercise.lines.filter((l) => l.section === section);
    const expenses = lines.filter((l) => l.direction === "expense").reduce((s, l) => s + l.amount, 0n);
    const receipts = lines.filter((l) => l.direction === "receipt").reduce((s, l) => s + l.amount, 0n);
    return { section, expenses, receipts, difference: receipts - expenses };
  }).filter((d) => d.difference !== 0n);
  if (differences.length > 0) {
    const text = localized(
      differences
        .map(
          (d) =>
            `${d.section} : dépenses ${euros(d.expenses).fr}, recettes ${euros(d.receipts).fr}, écart ${euros(d.difference, true).fr}`,
        )
        .join(" ; "),
      differences
        .map(
          (d) =>
            `${d.section === "investissement" ? "investment" : "operating"}: expenses ${euros(d.expenses).en}, receipts ${euros(d.receipts).en}, off by ${euros(d.difference, true).en}`,
        )
        .join("; "),
    );
    issues.push({
      code: "budget.unbalanced",
      path: ["exercises", e],
      details: { year: exercise.year, sections: text },
    });
  }

  if (referencesOk) {
    for (const group of groupByKey(entente, exercise)) {
      if (!ctx.keyIds.includes(group.key)) continue; // already reported as an unknown key
      if (group.key !== entente.defaultKey && group.contributions !== group.netCost) {
        issues.push({
          code: "budget.key_group_unbalanced",
          path: ["exercises", e],
          details: {
            year: exercise.year,
            key: group.key,
            section: group.section,
            contributions: euros(group.contributions),
            netCost: euros(group.netCost),
            difference: euros(group.contributions - group.netCost, true),
          },
        });
      }
      if (group.contributions % unit !== 0n) {
        issues.push({
          code: "rounding.not_whole_unit",
          path: ["exercises", e],
          details: {
            what: localized(
              `la contribution ${group.section} (clé ${group.key})`,
              `the ${group.section} contribution (key ${group.key})`,
            ),
            amount: euros(group.contributions),
            unit: unitName,
          },
        });
      }
    }
  }

  exercise.advances.forEach((advance) => {
    ctx.checkMember(advance.member, [...advance.path, "member"]);
    if (!ctx.keyIds.includes(advance.key)) {
      ctx.unknown(WHAT.key, advance.key, ctx.keyIds, [...advance.path, "key"]);
    } else if (
      ctx.memberIds.has(advance.member) &&
      ctx.keyMembers.has(advance.key) &&
      !ctx.keyMembers.get(advance.key)?.has(advance.member)
    ) {
      issues.push({
        code: "advance.member_not_in_key",
        path: [...advance.path, "member"],
        details: { advance: advance.id, member: advance.member, key: advance.key },
      });
    }
    if (advance.amount % unit !== 0n) {
      issues.push({
        code: "rounding.not_whole_unit",
        path: [...advance.path, "amount"],
        details: {
          what: localized(`l'avance ${advance.id}`, `advance ${advance.id}`),
          amount: euros(advance.amount),
          unit: unitName,
        },
      });
    }
  });

  for (const adjustment of exercise.adjustments) {
    for (const { member } of adjustment.amounts)
      ctx.checkMember(member, [...adjustment.path, "amounts", member]);
    const seenMembers = new Set<string>();
    for (const { member } of adjustment.amounts) {
      if (seenMembers.has(member)) {
        issues.push({
          code: "entente.duplicate_id",
          path: [...adjustment.path, "amounts", member],
          details: {
            id: member,
            what: WHAT.member,
            first: localized("dans la même régularisation", "in the same adjustment"),
          },
        });
      }
      seenMembers.add(member);
    }
    for (const { member, amount } of adjustment.amounts) {
      if (amount % unit !== 0n) {
        issues.push({
          code: "rounding.not_whole_unit",
          path: [...adjustment.path, "amounts", member],
          details: {
            what: localized(`la régularisation ${adjustment.id}`, `adjustment ${adjustment.id}`),
            amount: euros(amount, true),
            unit: unitName,
          },
        });
      }
    }
    const sum = adjustment.amounts.reduce((s, a) => s + a.amount, 0n);
    if (sum !== 0n) {
      issues.push({
        code: "adjustment.not_zero_sum",
        path: [...adjustment.path, "amounts"],
        details: { adjustment: adjustment.id, sum: euros(sum, true) },
      });
    }
  }
  return issues;
}
