import type { CliContext } from "../../platform/cli/cli-context.ts";
import { computeUsageKey, type UsageKeyResult } from "../app/compute-usage-key.ts";
import { SECTIONS, type Section } from "../domain/entente.ts";
import { sharePercentText } from "../domain/exact-shares.ts";
import { EntenteError, type Lang, localized } from "../errors.ts";
import { cliPrincipal } from "./cli-principal.ts";
import type { FinanceCliDeps } from "./commands.ts";

/** The options of `entente usage-key`, as commander gives them. */
export interface UsageKeyOptions {
  readonly mission: string;
  readonly year: string;
  readonly service: string;
  readonly metric: string;
  readonly section: string;
  readonly freeze?: boolean;
  readonly lang: Lang;
}

/** @throws EntenteError `cli.bad_option` naming the option and what it expects. */
function checked(options: UsageKeyOptions): { year: number; section: Section } {
  const bad = (option: string, fr: string, en: string) =>
    new EntenteError("cli.bad_option", { option, expected: localized(fr, en) });
  if (!/^\d{4}$/.test(options.year))
    throw bad(
      "--year",
      `année sur 4 chiffres attendue, reçu « ${options.year} »`,
      `a 4-digit year, got "${options.year}"`,
    );
  const section = SECTIONS.find((s) => s === options.section);
  if (section === undefined)
    throw bad("--section", "fonctionnement ou investissement", "fonctionnement or investissement");
  if (!/^[a-z][a-z0-9_]{0,63}$/.test(options.metric))
    throw bad(
      "--metric",
      "seats ou un nom de métrique (storage_used…)",
      "seats or a metric name (storage_used…)",
    );
  return { year: Number(options.year), section };
}

/** The key as a text table: one row per member (seats, measured, exact share), then its source. */
function render(result: UsageKeyResult, lang: Lang): string {
  const fr = lang === "fr";
  const header = [
    fr ? "Membre" : "Member",
    fr ? "Comptes" : "Seats",
    result.figures.metric,
    fr ? "Part" : "Share",
  ];
  const rows = result.shares.map((s) => [
    s.member,
    String(s.seats),
    String(s.measured),
    `${sharePercentText({ members: [s.member], numerators: [s.share[0]], denominator: s.share[1] }, 0)} %`,
  ]);
  const table = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...table.map((r) => (r[c] ?? "").length)));
  const line = (r: readonly string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join("  ");
  const state = result.frozen
    ? fr
      ? `enregistrée comme période de la clé « ${result.keyId} » à partir de ${result.year}`
      : `stored as the period of key "${result.keyId}" from ${result.year}`
    : fr
      ? `non enregistrée (--freeze pour l'enregistrer dans la clé « ${result.keyId} »)`
      : `not stored (--freeze stores it in key "${result.keyId}")`;
  return `${fr ? "Clé d'usage" : "Usage key"} ${result.year} : ${state}\n${result.source}\n\n${table.map(line).join("\n")}\n`;
}

/**
 * `entente usage-key`: computes a mission's usage key from a workplace service's usage in the
 * server's database and, with `--freeze`, stores it from the year (as the secretariat).
 * @throws EntenteError `cli.bad_option`, `entente.not_found`, and what computeUsageKey throws.
 */
export async function usageKeyFromCli(
  ententeId: string,
  options: UsageKeyOptions,
  context: CliContext<FinanceCliDeps>,
): Promise<void> {
  const { year, section } = checked(options);
  const result = await context.withDeps(async (deps) => {
    if (!(await deps.ententes.hasEntente(ententeId)))
      throw new EntenteError("entente.not_found", { id: ententeId });
    return computeUsageKey(deps, cliPrincipal(ententeId), ententeId, {
      missionId: options.mission,
      section,
      year,
      service: options.service,
      metric: options.metric,
      freeze: options.freeze === true,
    });
  });
  context.stdout.write(render(result, options.lang));
}
