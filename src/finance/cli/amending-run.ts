import type { CliContext } from "../../platform/cli/cli-context.ts";
import { isCalendarDate } from "../../shared/calendar-date.ts";
import { centsToEuroText } from "../../shared/money-input.ts";
import { compareAmendingBudget } from "../app/compare-amending-budget.ts";
import { issueAmendingCorrections } from "../app/issue-fund-call-corrections.ts";
import { amountCalled, correctionsIssuedBy } from "../domain/fund-call-corrections.ts";
import { EntenteError, formatMessage, type Lang, localized } from "../errors.ts";
import { cliPrincipal } from "./cli-principal.ts";
import type { FinanceCliDeps } from "./commands.ts";

/** @throws EntenteError `cli.bad_option` unless `text` is a 4-digit year. */
function yearOption(text: string): number {
  if (!/^\d{4}$/.test(text))
    throw new EntenteError("cli.bad_option", {
      option: "--year",
      expected: localized(`année sur 4 chiffres attendue, reçu « ${text} »`, `a 4-digit year, got "${text}"`),
    });
  return Number(text);
}

/** @throws EntenteError `cli.bad_option` unless `text` is a date AAAA-MM-JJ. */
function dateOption(text: string | undefined): string | null {
  if (text === undefined) return null;
  if (!isCalendarDate(text))
    throw new EntenteError("cli.bad_option", {
      option: "--due-on",
      expected: localized(
        `date du calendrier AAAA-MM-JJ attendue (le jour doit exister), reçu « ${text} »`,
        `an existing calendar date YYYY-MM-DD, got "${text}"`,
      ),
    });
  return text;
}

const signed = (cents: bigint) => `${cents > 0n ? "+" : ""}${centsToEuroText(cents)}`;

/** Ensures the entente exists (a clear error rather than an empty answer). */
async function requireEntente(deps: FinanceCliDeps, ententeId: string): Promise<void> {
  if (!(await deps.ententes.hasEntente(ententeId)))
    throw new EntenteError("entente.not_found", { id: ententeId });
}

/**
 * `entente amending show ENTENTE --year Y`: the same view as `GET …/exercises/:year/amending-budget`,
 * as text: each line that changes, then each member's figure per call year with its delta.
 * @throws EntenteError `cli.bad_option`, `entente.not_found`, `amending.none_open`.
 */
export async function showAmendingBudget(
  ententeId: string,
  options: { year: string; lang: Lang },
  context: CliContext<FinanceCliDeps>,
): Promise<void> {
  const year = yearOption(options.year);
  const view = await context.withDeps(async (deps) => {
    await requireEntente(deps, ententeId);
    return compareAmendingBudget(deps, cliPrincipal(ententeId), ententeId, year);
  });
  const fr = options.lang === "fr";
  const out: string[] = [`${view.amended.label} (${view.amended.status}) / ${view.adopted.label}`];
  for (const l of view.lines.filter((x) => x.delta !== 0n))
    out.push(
      `  ${l.label} [${l.section}, ${l.direction}] ${centsToEuroText(l.adopted)} → ${centsToEuroText(l.amended)} (${signed(l.delta)} €)`,
    );
  for (const m of view.members)
    out.push(
      `  ${m.year} ${view.memberNames[m.member] ?? m.member} : ${centsToEuroText(m.adopted)} → ${centsToEuroText(m.amended)} (${signed(m.delta)} €)`,
    );
  for (const p of view.problems) out.push(`  ! ${formatMessage(p.code, p.details, options.lang)}`);
  if (view.lines.every((l) => l.delta === 0n)) out.push(fr ? "  aucune ligne modifiée" : "  no line changed");
  context.stdout.write(`${out.join("\n")}\n`);
}

/**
 * `entente amending issue ENTENTE --year Y [--due-on D]`: issues the complementary calls and
 * reductions of exercise Y's adopted amending budget (the same use case as
 * `POST …/exercises/:year/fund-call-corrections`) and prints each one this run issued — not
 * the earlier DMs' corrections of the same calls — or « Rien à émettre » with the reason.
 * @throws EntenteError `cli.bad_option`, `entente.not_found`, `amending.none_open`,
 *   `fund_call.amending_not_adopted`, `fund_call.corrections_already_issued`.
 */
export async function issueCorrectionsFromCli(
  ententeId: string,
  options: { year: string; dueOn?: string; lang: Lang },
  context: CliContext<FinanceCliDeps>,
): Promise<void> {
  const year = yearOption(options.year);
  const dueOn = dateOption(options.dueOn);
  const { budget, calls } = await context.withDeps(async (deps) => {
    await requireEntente(deps, ententeId);
    const clock = { now: () => new Date() };
    return issueAmendingCorrections({ ...deps, clock }, cliPrincipal(ententeId), ententeId, year, dueOn);
  });
  const fr = options.lang === "fr";
  const out = correctionsIssuedBy(calls, budget).map(
    ({ call, correction: c }) =>
      `${c.reference} ${c.amountCents > 0n ? (fr ? "titre complémentaire" : "complementary call") : fr ? "réduction de titre" : "reduction"} ${signed(c.amountCents)} € (${fr ? "appelé" : "called"} ${centsToEuroText(amountCalled(call))} €)`,
  );
  if (out.length === 0)
    out.push(
      fr
        ? `Rien à émettre : ${budget.label} ne change le montant appelé d'aucun membre sur un appel de fonds émis.`
        : `Nothing to issue: ${budget.label} changes no member's amount on an issued fund call.`,
    );
  context.stdout.write(`${out.join("\n")}\n`);
}
