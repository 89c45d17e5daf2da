import { readFileSync } from "node:fs";
import {
  MAX_ADJUSTMENTS,
  MAX_ADVANCES,
  MAX_AMOUNT_CENTS,
  MAX_BUDGET_LINES,
} from "../../src/shared/limits.ts";
import { centsToEuroText } from "../../src/shared/money-input.ts";
import { LYON } from "./run-cli.ts";

/** The largest amount written, as the file and the API write it: "999999999999.99". */
export const MAX_AMOUNT = centsToEuroText(MAX_AMOUNT_CENTS);

const missions = ["hebergement", "identite", "messagerie", "collaboratif"];

/** An exercise at every limit: MAX_BUDGET_LINES lines, advances and adjustments, all at the largest amount. */
function extremeExercise(year: number, calledIn: number): string {
  const entries = MAX_BUDGET_LINES / 4;
  const both = `        investissement: ${MAX_AMOUNT}\n        fonctionnement: ${MAX_AMOUNT}\n`;
  const expenses = Array.from(
    { length: entries },
    (_, i) => `      - mission: ${missions[i % missions.length]}\n        label: Ligne ${i + 1}\n${both}`,
  );
  const receipts = Array.from({ length: entries }, () => `      - kind: contribution\n${both}`);
  const advances = Array.from(
    { length: MAX_ADVANCES },
    (_, i) =>
      `      - id: avance-${i + 1}\n        label: Avance ${i + 1}\n        member: metropole\n        amount: ${MAX_AMOUNT}\n`,
  );
  const adjustments = Array.from(
    { length: MAX_ADJUSTMENTS },
    (_, i) =>
      `      - id: regul-${i + 1}\n        label: Régularisation ${i + 1}\n        amounts:\n          metropole: ${MAX_AMOUNT}\n          ville-lyon: -${MAX_AMOUNT}\n          sitiv: 0\n`,
  );
  return [
    `  - year: ${year}\n    calledIn: ${calledIn}\n    expenses:\n`,
    expenses.join(""),
    "    receipts:\n",
    receipts.join(""),
    "    advances:\n",
    advances.join(""),
    "    adjustments:\n",
    adjustments.join(""),
  ].join("");
}

/**
 * The Lyon entente (its members, key and missions) with two exercises at every write limit of
 * src/shared/limits.ts — 2022 recalled in 2023, and 2023 — rounded to the cent: the largest
 * figures valid inputs can produce, for the tests that every read still answers them exactly.
 */
export function extremeEntenteText(): string {
  const lyon = readFileSync(LYON, "utf8");
  const head = lyon.slice(0, lyon.indexOf("\nexercises:")).replace("unit: euro ", "unit: cent ");
  return `${head}\nexercises:\n${extremeExercise(2022, 2023)}${extremeExercise(2023, 2023)}`;
}
