/**
 * The version of each exercise the figures are read from, by year: the version **in force** —
 * the latest adopted one, or the latest one while none is adopted (a budget primitif being
 * prepared) — so that a décision modificative being drafted, approved or ratified changes no
 * one's figures until every member adopted it; for `draftOf`, that year's latest version (the
 * amending budget as drafted). `versions` come by number, latest first.
 */
export function versionsInForce(
  versions: readonly { id: bigint; year: number; status: string }[],
  draftOf: number | null,
): Map<number, bigint> {
  const latest = new Map<number, bigint>();
  const adopted = new Map<number, bigint>();
  for (const v of versions) {
    if (!latest.has(v.year)) latest.set(v.year, v.id);
    if (v.status === "adopted" && !adopted.has(v.year)) adopted.set(v.year, v.id);
  }
  const chosen = new Map<number, bigint>();
  for (const [year, id] of latest) chosen.set(year, year === draftOf ? id : (adopted.get(year) ?? id));
  return chosen;
}
