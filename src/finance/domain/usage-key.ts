import { EntenteError, localized } from "../errors.ts";
import type { Entente, KeyPeriod, Section } from "./entente.ts";
import { type ExactShares, reducedShare } from "./exact-shares.ts";
import { belongsIn } from "./membership.ts";
import { resolveKeyShares } from "./resolve-key-shares.ts";
import { type UsageFigures, usageSource, usageWeight } from "./usage-figures.ts";

/** Where a mission's usage key goes: the key of its section, and the members it shares among in the year. */
export interface UsageKeyTarget {
  readonly keyId: string;
  /** The mission's participants that belong to the entente in the year, in the entente's member order. */
  readonly members: readonly string[];
  /** The exercises the period alters: from the year up to the key's next period (excluded). */
  readonly altered: readonly number[];
}

/**
 * The key a usage key of mission `missionId` replaces from exercise `year` in `section`. The key
 * must be the mission's own: a key shared with another mission or the other section would change
 * their shares too (DESIGN.md: an allocation key is per mission and section).
 * @throws EntenteError `entente.unknown_reference` (mission), `key.usage_key_shared`.
 */
export function usageKeyTarget(
  entente: Entente,
  missionId: string,
  section: Section,
  year: number,
): UsageKeyTarget {
  const mission = entente.missions.find((m) => m.id === missionId);
  if (mission === undefined)
    throw new EntenteError("entente.unknown_reference", {
      what: localized("mission", "mission"),
      id: missionId,
      known: entente.missions.map((m) => m.id).join(", "),
    });
  const keyId = mission.keys[section];
  const users = entente.missions.flatMap((m) =>
    (Object.entries(m.keys) as [Section, string][])
      .filter(([s, k]) => k === keyId && (m.id !== missionId || s !== section))
      .map(([s]) => `${m.id} (${s})`),
  );
  if (users.length > 0)
    throw new EntenteError("key.usage_key_shared", {
      key: keyId,
      mission: missionId,
      users: users.join(", "),
    });
  const participants = new Set(mission.members);
  const members = entente.members
    .filter((m) => participants.has(m.id) && belongsIn(m, year))
    .map((m) => m.id);
  const key = entente.keys.find((k) => k.id === keyId);
  const next = (key?.periods ?? [])
    .map((p) => p.from)
    .filter((from) => from > year)
    .sort((a, b) => a - b)[0];
  const altered = entente.exercises
    .map((e) => e.year)
    .filter((y) => y >= year && (next === undefined || y < next));
  return { keyId, members, altered };
}

/** One member's line of a usage key: its figures and its exact share. */
export interface UsageShare {
  readonly member: string;
  readonly seats: bigint;
  readonly measured: bigint;
  /** The weight the share follows (seats or measured). */
  readonly weight: bigint;
  /** The exact share as a reduced fraction [numerator, denominator]. */
  readonly share: readonly [bigint, bigint];
}

/**
 * The key period a usage snapshot makes, from exercise `year`, with each member's exact share
 * (weight / Σ weights). Amounts are rounded later by the budget engine (largest remainder at the
 * entente's unit), so they sum exactly to what the key shares.
 * @throws EntenteError `key.empty` when no member has any usage (nothing to share by).
 * @example usageKeyPeriod("visio", 2025, { metric: "seats", values: [{ member: "a", seats: 3n, measured: 0n }, { member: "b", seats: 1n, measured: 0n }], … }).shares.map((s) => s.share)
 * // → [[3n, 4n], [1n, 4n]]
 */
export function usageKeyPeriod(
  keyId: string,
  year: number,
  figures: UsageFigures,
  memberOrder: readonly string[],
): { period: KeyPeriod; shares: UsageShare[] } {
  const basis = { kind: "usage" as const, usage: figures };
  const resolved = resolveKeyShares({ id: keyId, label: keyId, basis }, memberOrder);
  if (!resolved.ok) {
    const first = resolved.issues[0];
    throw new EntenteError(first?.code ?? "key.empty", first?.details ?? { key: keyId, what: "" });
  }
  const exact: ExactShares = resolved.shares;
  const shares = exact.members.map((member, index): UsageShare => {
    const value = figures.values.find((v) => v.member === member) ?? { member, seats: 0n, measured: 0n };
    return { ...value, weight: usageWeight(figures, value), share: reducedShare(exact, index) };
  });
  return { period: { from: year, basis, source: usageSource(figures) }, shares };
}
