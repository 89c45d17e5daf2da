/**
 * Deprovisioning's retention (issue 12: "deletes after a retention period the member sets"): a
 * person disabled by its member's directory is erased from the connectors' services this many
 * days later. Default 30 days (Entente's choice: a month for a mistaken departure to be noticed
 * and undone by a reactivation). Bounds: 1 day (never the same day: disable first) to 3650 days.
 */
export const DEFAULT_RETENTION_DAYS = 30;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

/** Whether `days` is a retention period a member may set (an integer within the bounds). */
export function isRetentionDays(days: unknown): days is number {
  return (
    typeof days === "number" &&
    Number.isInteger(days) &&
    days >= MIN_RETENTION_DAYS &&
    days <= MAX_RETENTION_DAYS
  );
}
