/**
 * The version of each exercise the figures are read from, by year: the version **in force** —
 * the latest adopted one, or the latest one while none is adopted (a budget primitif being
 * prepared) — so that a décision modificative being drafted, approved or ratified changes no
 * one's figures until every member adopted it; for `pick.year`, its version `pick.number`
 * instead (default: its latest version, the amending budget as drafted). `versions` come by
 * number, latest first.
 */
export function versionsInForce(
  versions: readonly { id: bigint; year: number; number: number; status: string }[],
  pick: { readonly year: number; readonly number?: number } | null,
): Map<number, bigint> {
  const latest = new Map<number, bigint>();
  const adopted = new Map<number, bigint>();
  for (const v of versions) {
    if (!latest.has(v.year)) latest.set(v.year, v.id);
    if (v.status === "adopted" && !adopted.has(v.year)) adopted.set(v.year, v.id);
  }
  const chosen = new Map<number, bigint>();
  for (const [year, id] of latest) chosen.set(year, adopted.get(year) ?? id);
  if (pick !== null) {
    const picked = versions.find((v) => v.year === pick.year && (pick.number ?? v.number) === v.number);
    if (picked !== undefined) chosen.set(pick.year, picked.id);
  }
  return chosen;
}
