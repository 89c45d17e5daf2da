import { computeBudgetReport } from "../domain/compute-budget-report.ts";
import type { Entente } from "../domain/entente.ts";
import { ententeForYear } from "../domain/entente-for-year.ts";
import { type MemberStatement, memberStatement, statementYear } from "../domain/member-statement.ts";
import { reportYears } from "../domain/report-years.ts";
import { validateEntente } from "../domain/validate-entente.ts";

/**
 * A member's multi-year statement from an entente file (the CLI's): every call year whose figures
 * hold, its call as computed (a file records no issued call or payment, so nothing is paid and
 * every year is « à émettre »). The same rows as the server's statement before any call is issued.
 * @returns null when `member` is not a member of the entente.
 */
export function statementOfFile(entente: Entente, member: string): MemberStatement | null {
  if (!entente.members.some((m) => m.id === member)) return null;
  const years = reportYears(entente).filter(
    (year) => validateEntente(ententeForYear(entente, year)).length === 0,
  );
  return memberStatement(
    member,
    years.map((year) => statementYear(member, computeBudgetReport(entente, year), undefined)),
  );
}
