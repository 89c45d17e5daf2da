import type { Cents } from "../../shared/money.ts";

/** What identifies a budget line across two versions of a budget. */
export interface ComparableLine {
  readonly missionId: string | null;
  readonly label: string;
  readonly section: "investissement" | "fonctionnement";
  readonly direction: "expense" | "receipt";
  readonly amountCents: Cents;
}

/** A line of the adopted budget beside the same line of the amending budget (0 where absent). */
export interface LineDelta {
  readonly missionId: string | null;
  readonly label: string;
  readonly section: "investissement" | "fonctionnement";
  readonly direction: "expense" | "receipt";
  readonly adopted: Cents;
  readonly amended: Cents;
  readonly delta: Cents;
}

/** A member's figure of a call year under the adopted and the amended budget. */
export interface MemberDelta {
  readonly year: number;
  readonly member: string;
  readonly adopted: Cents;
  readonly amended: Cents;
  readonly delta: Cents;
}

const keyOf = (l: ComparableLine) => JSON.stringify([l.missionId, l.section, l.direction, l.label]);

/**
 * The lines of two versions side by side, matched by mission, section, direction and label (a
 * line renamed shows as one removed and one added), in the amended version's order then the
 * lines it removed; amounts of lines sharing all four are summed.
 */
export function lineDeltas(
  adopted: readonly ComparableLine[],
  amended: readonly ComparableLine[],
): LineDelta[] {
  const rows = new Map<string, { line: ComparableLine; adopted: Cents; amended: Cents }>();
  const add = (line: ComparableLine, side: "adopted" | "amended") => {
    const row = rows.get(keyOf(line)) ?? { line, adopted: 0n, amended: 0n };
    row[side] += line.amountCents;
    rows.set(keyOf(line), row);
  };
  for (const line of amended) add(line, "amended");
  for (const line of adopted) add(line, "adopted");
  return [...rows.values()].map(({ line, adopted: a, amended: b }) => ({
    missionId: line.missionId,
    label: line.label,
    section: line.section,
    direction: line.direction,
    adopted: a,
    amended: b,
    delta: b - a,
  }));
}

/**
 * Each member's figure of a call year under the adopted and the amended budget (each already
 * rounded by the largest-remainder rule, so Σ delta = the change of the amount called, exactly).
 */
export function memberDeltas(
  year: number,
  adopted: readonly { readonly member: string; readonly total: Cents }[],
  amended: readonly { readonly member: string; readonly total: Cents }[],
): MemberDelta[] {
  const members = [...new Set([...amended.map((r) => r.member), ...adopted.map((r) => r.member)])];
  return members.map((member) => {
    const a = adopted.find((r) => r.member === member)?.total ?? 0n;
    const b = amended.find((r) => r.member === member)?.total ?? 0n;
    return { year, member, adopted: a, amended: b, delta: b - a };
  });
}
