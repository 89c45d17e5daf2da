import type { EntenteDetail } from "../finance-types.ts";

/**
 * The first exercise a change may start from without touching a deliberated year: the earliest
 * year from which every exercise has only draft budgets (none approved, ratifying or adopted).
 * The year after the latest exercise when every exercise is deliberated. The server has the last
 * word (`budget.figures_frozen`, `member.membership_frozen`); this only proposes a year.
 */
export function firstOpenYear(entente: Pick<EntenteDetail, "exercises">): number {
  const years = [...entente.exercises].sort((a, b) => a.year - b.year);
  let open = (years.at(-1)?.year ?? new Date().getFullYear() - 1) + 1;
  for (let i = years.length - 1; i >= 0; i--) {
    const exercise = years[i];
    if (exercise === undefined || exercise.versions.some((v) => v.status !== "draft")) break;
    open = exercise.year;
  }
  return open;
}
