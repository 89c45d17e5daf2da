// Load by turns (benchmark code only, bench/README.md): the endpoints of a bench take turns in
// slices of `slice` seconds, `rounds` slices each after a one-slice warm-up, so that the load of
// a shared machine, which moves by the second, weighs alike on all of them. Each slice is
// bounded in time and in requests. Figures of a slice: autocannon's, plus this process's CPU
// time (server and load generator) and SQL statements (sql-count.ts) per request.
// The load generator runs in a worker thread (autocannon's `workers`), so that the server's event
// loop is not also the client's: on a 2-core machine each gets a core, as when the callers are
// other machines, and the latencies are the server's, not the wait for the client's own turn.
// BENCH_LOAD=inline runs it on the server's thread (the figures of the earlier stops). The CPU
// time per request is then the server thread's alone; inline, it is the process's.
import autocannon from "autocannon";
import { sqlCounts, sqlPerRequest } from "./sql-count.ts";

export interface Target {
  readonly name: string;
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly method?: "GET" | "POST";
  readonly body?: string;
}

export interface LoadRow {
  readonly endpoint: string;
  /** Median over the slices of each slice's p50 / p99 (ms). */
  readonly p50: number;
  readonly p99: number;
  /** Requests ÷ measured seconds, over all the slices. */
  readonly rps: number;
  readonly errors: number;
  readonly cpuMs: number;
  readonly sql: { readonly total: number; readonly detail: string };
}

interface Slice {
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly cpuMs: number;
  readonly sql: Record<string, number>;
  readonly requests: number;
  readonly seconds: number;
}

/** Where autocannon runs: a worker thread (default) or the server's own thread. */
const LOAD_IN_WORKER = process.env.BENCH_LOAD !== "inline";

/** How the load is generated, for the bench's heading. */
export const loadGenerator = LOAD_IN_WORKER
  ? "load generator in a worker thread, CPU of the server's thread"
  : "load generator on the server's thread";

/**
 * The CPU time the server spends: this thread's alone when the load comes from a worker thread
 * (process.threadCpuUsage), else the process's (server and load generator together).
 */
const serverCpu = (since?: NodeJS.CpuUsage) =>
  LOAD_IN_WORKER ? process.threadCpuUsage(since) : process.cpuUsage(since);

async function slice(target: Target, connections: number, seconds: number): Promise<Slice> {
  const [cpu, sql] = [serverCpu(), sqlCounts()];
  const result = await autocannon({
    ...(LOAD_IN_WORKER ? { workers: 1 } : {}),
    url: target.url,
    method: target.method ?? "GET",
    connections,
    duration: seconds,
    maxOverallRequests: 200_000,
    headers: target.headers ?? {},
    ...(target.body === undefined ? {} : { body: target.body }),
  });
  const used = serverCpu(cpu);
  const after = sqlCounts();
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    cpuMs: (used.user + used.system) / 1000,
    sql: Object.fromEntries(Object.entries(after).map(([key, n]) => [key, n - (sql[key] ?? 0)])),
    requests: result.requests.total,
    seconds: result.duration,
  };
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function combine(endpoint: string, slices: readonly Slice[]): LoadRow {
  const requests = slices.reduce((sum, s) => sum + s.requests, 0);
  const sql: Record<string, number> = {};
  for (const s of slices) for (const [key, n] of Object.entries(s.sql)) sql[key] = (sql[key] ?? 0) + n;
  return {
    endpoint,
    p50: median(slices.map((s) => s.p50)),
    p99: median(slices.map((s) => s.p99)),
    rps:
      requests /
      Math.max(
        slices.reduce((sum, s) => sum + s.seconds, 0),
        0.001,
      ),
    errors: slices.reduce((sum, s) => sum + s.errors, 0),
    cpuMs: slices.reduce((sum, s) => sum + s.cpuMs, 0) / Math.max(requests, 1),
    sql: sqlPerRequest({}, sql, requests),
  };
}

/** Every target in turn, `rounds` times after a warm-up turn; one row per target. */
export async function loadByTurns(
  targets: readonly Target[],
  options: { readonly connections: number; readonly rounds: number; readonly slice: number },
): Promise<LoadRow[]> {
  const slices = targets.map((): Slice[] => []);
  for (let round = 0; round <= options.rounds; round++)
    for (const [i, target] of targets.entries()) {
      const measured = await slice(target, options.connections, options.slice);
      if (round > 0) slices[i]?.push(measured); // round 0 is the warm-up
    }
  return targets.map((target, i) => combine(target.name, slices[i] ?? []));
}
