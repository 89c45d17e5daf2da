import type { Principal } from "../../access/index.ts";
import type { CliContext } from "../../platform/cli/cli-context.ts";
import { parseEuros } from "../../shared/money.ts";
import { centsToEuroText } from "../../shared/money-input.ts";
import { openExercise } from "../app/open-exercise.ts";
import type { Section } from "../domain/entente.ts";
import { EntenteError, type Lang, localized } from "../errors.ts";
import type { FinanceCliDeps } from "./commands.ts";

/** The options of `entente exercise open`, as commander gives them. */
export interface ExerciseOpenOptions {
  readonly from: string;
  readonly calledIn?: string;
  readonly carryOverInvestissement?: string;
  readonly carryOverFonctionnement?: string;
  readonly lang: Lang;
}

/** @throws EntenteError `cli.bad_option` unless `text` is a 4-digit year. */
function yearOption(option: string, text: string): number {
  if (!/^\d{4}$/.test(text))
    throw new EntenteError("cli.bad_option", {
      option,
      expected: localized(`année sur 4 chiffres attendue, reçu « ${text} »`, `a 4-digit year, got "${text}"`),
    });
  return Number(text);
}

/** @throws EntenteError `cli.bad_option` unless `text` is an amount in euros (negative: a deficit). */
function carryOverOption(option: string, text: string | undefined): bigint | undefined {
  if (text === undefined) return undefined;
  const parsed = parseEuros(text, { allowNegative: true });
  if (!parsed.ok)
    throw new EntenteError("cli.bad_option", {
      option,
      expected: localized(
        `montant en euros attendu (ex. 350000 ou -3000.50 pour un déficit), reçu « ${text} »`,
        `an amount in euros (e.g. 350000, or -3000.50 for a deficit), got "${text}"`,
      ),
    });
  return parsed.cents;
}

/** The carry-over options in cents, by section (absent options left out). */
function carryOverOf(options: ExerciseOpenOptions): Partial<Record<Section, bigint>> {
  const carryOver: Partial<Record<Section, bigint>> = {};
  const investissement = carryOverOption("--carry-over-investissement", options.carryOverInvestissement);
  const fonctionnement = carryOverOption("--carry-over-fonctionnement", options.carryOverFonctionnement);
  if (investissement !== undefined) carryOver.investissement = investissement;
  if (fonctionnement !== undefined) carryOver.fonctionnement = fonctionnement;
  return carryOver;
}

/**
 * The command line acts as the entente's secretariat: whoever runs it holds the server's
 * database (DATABASE_URL or DATA_DIR), which is more than any console role. The audit trail
 * names the command.
 */
function operatorOf(ententeId: string): Principal {
  return {
    accountId: "cli",
    email: "entente exercise open",
    role: "secretariat",
    ententeId,
    memberId: null,
    missionId: null,
  };
}

/**
 * `entente exercise open ENTENTE --from N [--called-in Y] [--carry-over-investissement X]
 * [--carry-over-fonctionnement X]`: opens exercise N+1 from N in the server's database (the
 * same use case as `POST /api/ententes/:id/exercises`) and prints the new draft's totals.
 * @throws EntenteError `cli.bad_option`, `exercise.already_exists`, `exercise.called_in_invalid`,
 *   `resource.not_found` (no exercise N).
 */
export async function openExerciseFromCli(
  ententeId: string,
  options: ExerciseOpenOptions,
  context: CliContext<FinanceCliDeps>,
): Promise<void> {
  const from = yearOption("--from", options.from);
  const calledIn = options.calledIn === undefined ? undefined : yearOption("--called-in", options.calledIn);
  const carryOver = carryOverOf(options);
  const budget = await context.withDeps(async (deps) => {
    if (!(await deps.ententes.hasEntente(ententeId)))
      throw new EntenteError("entente.not_found", { id: ententeId });
    return openExercise(deps, operatorOf(ententeId), ententeId, from, {
      ...(calledIn === undefined ? {} : { calledIn }),
      carryOver,
    });
  });
  const total = budget.lines
    .filter((l) => l.direction === "expense")
    .reduce((sum, l) => sum + l.amountCents, 0n);
  const euros = centsToEuroText(total);
  context.stdout.write(
    options.lang === "fr"
      ? `exercice ${budget.year} ouvert depuis ${from} (brouillon, ${budget.lines.length} lignes, dépenses ${euros} €).\n`
      : `exercise ${budget.year} opened from ${from} (draft, ${budget.lines.length} lines, expenses ${euros} €).\n`,
  );
}
