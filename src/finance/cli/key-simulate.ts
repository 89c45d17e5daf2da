import type { Output } from "../../platform/cli/output.ts";
import { ID_RULE, idProblem } from "../../shared/identifiers.ts";
import { formatEuros } from "../../shared/money.ts";
import { keyAt } from "../domain/key-at-year.ts";
import { type KeyAlternative, type KeySimulation, simulateKeys } from "../domain/simulate-keys.ts";
import { EntenteError, type Lang, localized } from "../errors.ts";
import { readEntenteFile } from "../formats/read-entente-file.ts";

/** The options of `entente simulate`, as commander gives them. */
export interface SimulateOptions {
  readonly key: string;
  readonly with: readonly string[];
  readonly year?: string;
  readonly join: readonly string[];
  readonly leave: readonly string[];
  readonly lang: Lang;
}

/** @throws EntenteError `cli.bad_option` unless `text` is a 4-digit year. */
function yearOf(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{4}$/.test(text))
    throw new EntenteError("cli.bad_option", {
      option: "--year",
      expected: localized(`année sur 4 chiffres attendue, reçu « ${text} »`, `a 4-digit year, got "${text}"`),
    });
  return Number(text);
}

/**
 * Each `--join` / `--leave` id follows the API's rule (shared/identifiers.ts), checked once.
 * @throws EntenteError `cli.bad_option` naming the option and the id.
 */
function checkMemberIds(option: "--join" | "--leave", ids: readonly string[]): void {
  const bad = ids.find((id) => idProblem(id) !== null);
  if (bad !== undefined)
    throw new EntenteError("cli.bad_option", {
      option,
      expected: localized(`${ID_RULE.fr}, reçu « ${bad} »`, `${ID_RULE.en}, got "${bad}"`),
    });
}

/**
 * `--join` and `--leave` change the alternatives of `--with` (the key a member is simulated
 * joining or leaving with): alone they would be silently ignored, so they are refused.
 * @throws EntenteError `cli.bad_option` at `--join` or `--leave`.
 */
function checkMovesHaveAlternatives(options: SimulateOptions): void {
  if (options.with.length > 0) return;
  const option = options.leave.length > 0 ? "--leave" : options.join.length > 0 ? "--join" : null;
  if (option !== null)
    throw new EntenteError("cli.bad_option", {
      option,
      expected: localized(
        `s'applique aux clés simulées avec --with : ajoutez --with CLÉ (la base avec laquelle le membre entre ou sort, ex. une clé du fichier sans lui)`,
        `applies to the keys simulated with --with: add --with KEY (the basis the member joins or leaves with, e.g. a key of the file without it)`,
      ),
    });
}

/** The simulation as a text table: one row per member, one column per key, totals last. */
function renderSimulation(simulation: KeySimulation, names: readonly string[], lang: Lang): string {
  const locale = lang === "fr" ? "fr-FR" : "en-GB";
  const header = [lang === "fr" ? "Membre" : "Member", ...names];
  const body = simulation.rows.map((row) => [
    row.name,
    ...row.amounts.map((a) => formatEuros(a, { locale, unit: "euro" })),
  ]);
  const total = [
    lang === "fr" ? "Total" : "Total",
    ...simulation.totals.map((a) => formatEuros(a, { locale, unit: "euro" })),
  ];
  const table = [header, ...body, total];
  const widths = header.map((_, c) => Math.max(...table.map((r) => (r[c] ?? "").length)));
  const line = (r: readonly string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join("  ");
  const title =
    lang === "fr"
      ? `Simulation de la clé « ${simulation.key} », exercice ${simulation.year} (en €, rien n'est enregistré)`
      : `Simulation of key "${simulation.key}", exercise ${simulation.year} (in €, nothing is saved)`;
  return `${title}\n\n${table.map(line).join("\n")}\n`;
}

/**
 * `entente simulate FILE --key K --with K2 [--with K3…] [--year Y] [--join M] [--leave M]`: each
 * member's contribution to exercise Y (default: the latest) under key K as it holds that year,
 * then with K on the basis of each key K2… declared in the file (fixed shares, population,
 * weighted criteria, usage), a member joining or leaving with them (`--join`/`--leave` need
 * `--with`); nothing is written.
 * @throws EntenteError `cli.bad_option`, `entente.unknown_reference`; ValidationError when an
 *   alternative breaks a rule.
 */
export async function simulateKeysFromFile(
  file: string,
  options: SimulateOptions,
  output: Output,
): Promise<void> {
  checkMemberIds("--join", options.join);
  checkMemberIds("--leave", options.leave);
  checkMovesHaveAlternatives(options);
  const entente = await readEntenteFile(file);
  const year = yearOf(options.year, Math.max(...entente.exercises.map((e) => e.year)));
  const alternatives: KeyAlternative[] = options.with.map((id) => {
    const key = entente.keys.find((k) => k.id === id);
    if (key === undefined)
      throw new EntenteError("entente.unknown_reference", {
        what: localized("clé", "key"),
        id,
        known: entente.keys.map((k) => k.id).join(", "),
      });
    return { label: key.label, basis: keyAt(key, year).basis, joining: options.join, leaving: options.leave };
  });
  const simulation = simulateKeys(entente, year, options.key, alternatives);
  output.write(renderSimulation(simulation, [options.key, ...options.with], options.lang));
}
