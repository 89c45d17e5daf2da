import { localized } from "../../shared/errors.ts";
import type { Issue } from "../errors.ts";

/**
 * A member's migration wave to a service (issue 11 §2; the seed plans collaboration tools and
 * identity for the Métropole in the first half of 2023, email in the first quarter of 2024):
 * planned and actual dates, accounts planned and migrated. Carried by the subscription.
 */
export interface MigrationWave {
  /** What people call it ("Vague 1 — Métropole"). */
  readonly label: string;
  /** `YYYY-MM-DD`, each null until known. */
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
  readonly actualStart: string | null;
  readonly actualEnd: string | null;
  /** Accounts to migrate and migrated so far: non-negative integers. */
  readonly accountsPlanned: number;
  readonly accountsMigrated: number;
}

const isDay = (text: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
};

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0 && n <= 2_147_483_647;

const issue = (field: string, fr: string, en: string): Issue => ({
  code: "workplace.subscription_invalid",
  path: ["wave", field],
  details: { field: `wave.${field}`, expected: localized(fr, en) },
});

function dayIssues(wave: MigrationWave): Issue[] {
  const issues: Issue[] = [];
  for (const field of ["plannedStart", "plannedEnd", "actualStart", "actualEnd"] as const) {
    const value = wave[field];
    if (value !== null && !isDay(value))
      issues.push(issue(field, "un jour écrit AAAA-MM-JJ, ou null", "a day written YYYY-MM-DD, or null"));
  }
  for (const [start, end] of [
    ["plannedStart", "plannedEnd"],
    ["actualStart", "actualEnd"],
  ] as const) {
    const from = wave[start];
    const to = wave[end];
    if (from !== null && to !== null && isDay(from) && isDay(to) && to < from) {
      issues.push(
        issue(end, `un jour égal ou postérieur à ${start} (${from})`, `a day on or after ${start} (${from})`),
      );
    }
  }
  return issues;
}

/** The problems of a wave (empty: none): real days, each pair ordered, label, counts. */
export function waveIssues(wave: MigrationWave): Issue[] {
  const issues = dayIssues(wave);
  if (wave.label.trim() === "" || wave.label.length > 200)
    issues.push(issue("label", "un nom de 1 à 200 caractères", "a name of 1 to 200 characters"));
  if (!isCount(wave.accountsPlanned))
    issues.push(
      issue("accountsPlanned", "un entier positif ou nul (comptes)", "a non-negative integer (accounts)"),
    );
  if (!isCount(wave.accountsMigrated))
    issues.push(
      issue("accountsMigrated", "un entier positif ou nul (comptes)", "a non-negative integer (accounts)"),
    );
  return issues;
}

/**
 * Accounts still to migrate: planned minus migrated, never below zero (more accounts migrated
 * than planned leaves none remaining).
 * @example accountsRemaining({ accountsPlanned: 1200, accountsMigrated: 450 }) // 750
 */
export function accountsRemaining(wave: Pick<MigrationWave, "accountsPlanned" | "accountsMigrated">): number {
  return Math.max(0, wave.accountsPlanned - wave.accountsMigrated);
}
