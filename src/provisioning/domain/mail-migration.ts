/**
 * A member's move to the entente's mail (issue 12 item 5; the seed plans it for the Métropole in
 * the first quarter of 2024), counted in accounts: `planned` (the persons of the member's
 * directory, or the wave's accountsPlanned when larger), `created` (their mailboxes exist),
 * `signedIn` (their first sign-in happened). The stage: `planned` until a mailbox exists,
 * `created` until someone signs in, `first-sign-in` while some have not, `done` once every planned
 * account signed in or the wave has ended (`actualEnd`).
 */
export type MigrationStage = "planned" | "created" | "first-sign-in" | "done";

export interface MigrationCounts {
  readonly planned: number;
  readonly created: number;
  readonly signedIn: number;
}

/**
 * The stage of a member's migration.
 * @example migrationStage({ planned: 10, created: 10, signedIn: 3 }, null) // "first-sign-in"
 */
export function migrationStage(counts: MigrationCounts, actualEnd: string | null): MigrationStage {
  if (actualEnd !== null || (counts.planned > 0 && counts.signedIn >= counts.planned)) return "done";
  if (counts.signedIn > 0) return "first-sign-in";
  return counts.created > 0 ? "created" : "planned";
}

/** Days from `today` to the wave's planned start (`YYYY-MM-DD` both); negative once it has passed. */
export function daysBefore(today: string, plannedStart: string): number {
  return Math.round(
    (Date.parse(`${plannedStart}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
}
