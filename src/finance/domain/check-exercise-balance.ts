import { computeSectionBalances } from "../../shared/section-balance.ts";
import { type Issue, localized } from "../errors.ts";
import { type Exercise, SECTIONS } from "./entente.ts";
import { localizedEuros as euros } from "./localized-euros.ts";

/**
 * A budget is voted in balance (CGCT L1612-4): expenses = receipts in each section. One
 * `budget.unbalanced` naming every section that is not, with its figures.
 */
export function checkExerciseBalance(exercise: Exercise, e: number): Issue[] {
  const balances = computeSectionBalances(
    SECTIONS,
    exercise.lines.map((l) => ({ section: l.section, direction: l.direction, cents: l.amount })),
  );
  const differences = SECTIONS.map((section) => ({
    section,
    expenses: balances[section].expenses,
    receipts: balances[section].receipts,
    difference: balances[section].balance,
  })).filter((d) => d.difference !== 0n);
  if (differences.length === 0) return [];
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
  return [
    { code: "budget.unbalanced", path: ["exercises", e], details: { year: exercise.year, sections: text } },
  ];
}
