import { assertCan, canPerform, type Principal } from "../../access/index.ts";
import { computeBudgetReport } from "../domain/compute-budget-report.ts";
import { ententeForYear } from "../domain/entente-for-year.ts";
import { type MemberStatement, memberStatement, statementYear } from "../domain/member-statement.ts";
import { reportYears } from "../domain/report-years.ts";
import { validateEntente } from "../domain/validate-entente.ts";
import { EntenteError, localized } from "../errors.ts";
import type { FinanceDeps } from "./finance-deps.ts";

/**
 * A member's multi-year statement (called, paid, due by call year) and what it still owes — for
 * a leaving member, what it owes on leaving. Years whose figures break a rule (a draft out of
 * balance) are left out. Draft years are shown to the secretariat and to the member's own
 * finance officer only, as on the dashboard. A finance officer reads its own member's statement
 * only: another member's is refused (403) rather than answered with its draft years hidden,
 * which read as "nothing called, nothing owed". Readers and mission leads read the adopted years.
 * @throws EntenteError `resource.not_found` (member), `access.forbidden`.
 */
export async function getMemberStatement(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "fundCalls">,
  principal: Principal,
  ententeId: string,
  memberId: string,
): Promise<MemberStatement> {
  assertCan(principal, { kind: "read", ententeId });
  const entente = await deps.ententes.loadEntente(ententeId);
  if (!entente.members.some((m) => m.id === memberId))
    throw new EntenteError("resource.not_found", { what: localized("membre", "member"), id: memberId });
  if (principal.role === "finance" && principal.memberId !== memberId)
    throw new EntenteError("access.forbidden", { action: "read-member-statement", role: principal.role });
  const seesDrafts =
    canPerform(principal, { kind: "read-drafts", ententeId }) || principal.memberId === memberId;
  const [versions, calls] = await Promise.all([
    deps.budgets.listVersions(ententeId),
    deps.fundCalls.list(ententeId, null),
  ]);
  // The status in force: a year with an adopted version stays readable while a DM is prepared.
  const latest = new Map<number, string>();
  for (const v of versions) if (latest.get(v.year) !== "adopted") latest.set(v.year, v.status);
  const years = reportYears(entente).filter(
    (year) =>
      (seesDrafts || (latest.get(year) ?? "draft") !== "draft") &&
      validateEntente(ententeForYear(entente, year)).length === 0,
  );
  const rows = years.map((year) =>
    statementYear(
      memberId,
      computeBudgetReport(entente, year),
      calls.find((c) => c.year === year && c.memberId === memberId),
    ),
  );
  return memberStatement(memberId, rows);
}
