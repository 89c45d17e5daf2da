import type { Principal } from "../../access/index.ts";
import type { Cents } from "../../shared/money.ts";
import type { LineDelta } from "../domain/amending-delta.ts";
import { yearsAltered } from "../domain/budget-lifecycle.ts";
import { computeBudgetReport } from "../domain/compute-budget-report.ts";
import type { Entente, Section } from "../domain/entente.ts";
import { memberContribution } from "../domain/member-contribution.ts";
import { EntenteError, localized, ValidationError } from "../errors.ts";
import { compareAmendingBudget } from "./compare-amending-budget.ts";
import type { FinanceDeps } from "./finance-deps.ts";

/** A member's figure of one call year before and after the DM (cents), and the change by section. */
export interface AmendedCall {
  readonly year: number;
  readonly before: Cents;
  readonly after: Cents;
  /** after − before: > 0 a complementary contribution, < 0 a reduction (a credit). */
  readonly delta: Cents;
  /** The change by section, for the imputation; Σ = `delta` exactly. */
  readonly bySection: Readonly<Record<Section, Cents>>;
}

/** What a member's deliberation draft on an amending budget is made of (amounts in cents). */
export interface AmendingDeliberationData {
  /** The entente with the exercise read from the DM (names, legal basis, missions). */
  readonly entente: Entente;
  readonly year: number;
  /** The DM's number: version number − 1 (« décision modificative n° 1 »). */
  readonly dmNumber: number;
  readonly member: string;
  readonly lines: readonly LineDelta[];
  /** Per call year the exercise feeds (the exercise, the year its operating is recalled in). */
  readonly calls: readonly AmendedCall[];
  /** Dates of the conferences whose decision approves the DM, oldest first (none before it). */
  readonly conferenceDates: readonly string[];
}

/** A member's call of `year` in both ententes, with the change by section. */
function amendedCall(before: Entente, after: Entente, year: number, member: string): AmendedCall | null {
  const a = memberContribution(computeBudgetReport(before, year), member);
  const b = memberContribution(computeBudgetReport(after, year), member);
  if (a === null && b === null) return null;
  const section = (s: Section) => (b?.bySection[s] ?? 0n) - (a?.bySection[s] ?? 0n);
  const beforeTotal = a?.call.total ?? 0n;
  const afterTotal = b?.call.total ?? 0n;
  return {
    year,
    before: beforeTotal,
    after: afterTotal,
    delta: afterTotal - beforeTotal,
    bySection: { investissement: section("investissement"), fonctionnement: section("fonctionnement") },
  };
}

/**
 * A member's deliberation draft on exercise `year`'s latest amending budget (issue 9, item 5):
 * the lines it changes (before, DM, after) and the member's complementary contribution or credit
 * for every call year the exercise feeds, each figure rounded by the largest-remainder rule as
 * everywhere (so they are exactly what the corrections will issue). The secretariat's, as the
 * comparison it is built from (`read-drafts`; another entente: 404).
 * @throws EntenteError `access.forbidden`, `resource.not_found` (exercise, member),
 *   `amending.none_open`; ValidationError (the DM breaks a rule: nothing to approve yet).
 */
export async function readAmendingDeliberation(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "decisions">,
  principal: Principal,
  request: { ententeId: string; year: number; member: string },
): Promise<AmendingDeliberationData> {
  const { ententeId, year, member } = request;
  const comparison = await compareAmendingBudget(deps, principal, ententeId, year);
  if (comparison.problems.length > 0) throw new ValidationError([...comparison.problems]);
  const [before, after, decisions] = await Promise.all([
    deps.ententes.loadEntenteDraft(ententeId, year, comparison.adopted.number),
    deps.ententes.loadEntenteDraft(ententeId, year, comparison.amended.number),
    deps.decisions.list(ententeId),
  ]);
  if (!after.members.some((m) => m.id === member))
    throw new EntenteError("resource.not_found", { what: localized("membre", "member"), id: member });
  const calls = yearsAltered(after, [year]).flatMap((y) => amendedCall(before, after, y, member) ?? []);
  const dates = decisions
    .filter((d) => d.budgetVersionId === comparison.amended.id)
    .map((d) => d.conferenceDate);
  return {
    entente: after,
    year,
    dmNumber: comparison.amended.number - 1,
    member,
    lines: comparison.lines,
    calls,
    conferenceDates: [...new Set(dates)].sort(),
  };
}
