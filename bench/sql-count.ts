// Counts the SQL statements this process sends to PostgreSQL (pg.Client#query, which the pool
// and Kysely use), by verb and first table, so that a bench can print statements per request
// beside its latency figures. Benchmark code only (bench/README.md); identity's bench has its own
// counter with Redis (identity-child.ts).
import pg from "pg";

const counts: Record<string, number> = {};

/** `SELECT audit_event`, `INSERT workplace_usage`…: the statement's verb and first table. */
function sqlKey(text: string): string {
  const verb = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? "?";
  const table = /\b(?:from|into|update)\s+"?([\w.]+)"?/i.exec(text)?.[1] ?? "";
  return table === "" ? verb : `${verb} ${table}`;
}

/** Starts counting (call once, before the measured requests). */
export function countSql(): void {
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === "string" ? first : ((first as { text?: string } | null)?.text ?? "");
    const key = sqlKey(text);
    counts[key] = (counts[key] ?? 0) + 1;
    return query.apply(this, args);
  } as never;
}

/** A copy of the counts so far. */
export const sqlCounts = (): Record<string, number> => ({ ...counts });

/** Statements per request between two copies: total, and by kind (`SELECT audit_event 1.00`). */
export function sqlPerRequest(
  before: Record<string, number>,
  after: Record<string, number>,
  requests: number,
): { readonly total: number; readonly detail: string } {
  const per = Object.entries(after)
    .map(([key, n]) => [key, (n - (before[key] ?? 0)) / Math.max(requests, 1)] as const)
    .filter(([, n]) => n >= 0.005)
    .sort((a, b) => b[1] - a[1]);
  return {
    total: per.reduce((sum, [, n]) => sum + n, 0),
    detail: per.map(([key, n]) => `${key} ${n.toFixed(2)}`).join(", "),
  };
}
