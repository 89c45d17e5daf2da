// What bench/identity.bench.ts and its two server processes (identity-entente-server.ts,
// identity-bare-server.ts) say to each other over Node's IPC channel, and the counters each
// server keeps of its storage round trips (so the bench can say where a sign-in's time goes).
import { Session } from "node:inspector/promises";
import { Redis } from "ioredis";
import pg from "pg";
import type { ServiceClientRecord } from "../src/identity/domain/service-client.ts";

/** A service registered by the bench, with its plain secret (the bare provider gets the same). */
export interface BenchClient {
  readonly record: ServiceClientRecord;
  readonly clientSecret: string;
}

/** The first message a server process receives. */
export interface ChildStart {
  readonly type: "start";
  readonly databaseUrl: string;
  /** REDIS_URL: provider state (and Entente's sign-in state) in Redis; null: in the database. */
  readonly redisUrl: string | null;
  readonly sessionSecret: string;
  readonly clients: { readonly signIn: BenchClient; readonly machine: BenchClient };
  /** For the bare provider's own LDAP bind (Entente reads its sources from the database). */
  readonly ldap: {
    readonly url: string;
    /** StartTLS before the first bind (the bench's sources do the same). */
    readonly startTls: boolean;
    readonly caPem: string;
    readonly bindDn: string;
    readonly bindPassword: string;
    readonly baseDn: string;
    /** Email domain → organisational unit under `baseDn` and member id. */
    readonly domains: Readonly<Record<string, { readonly ou: string; readonly memberId: string }>>;
  };
}

export type ParentMessage =
  | ChildStart
  | { readonly type: "stats" }
  | { readonly type: "profile-start" }
  | { readonly type: "profile-stop"; readonly path: string };

/** Since the process started: SQL statements by kind and table, Redis commands, CPU time. */
export interface StorageCounts {
  readonly sql: Readonly<Record<string, number>>;
  readonly redis: Readonly<Record<string, number>>;
  /** User + system CPU time of the server process, in milliseconds (process.cpuUsage). */
  readonly cpuMs: number;
}

export type ChildMessage =
  | { readonly type: "ready"; readonly url: string; readonly issuer: string }
  | { readonly type: "stats"; readonly counts: StorageCounts }
  | { readonly type: "profiling" }
  | { readonly type: "profiled"; readonly path: string }
  | { readonly type: "failed"; readonly message: string };

const sql: Record<string, number> = {};
const redis: Record<string, number> = {};

/** `SELECT oidc_payload`, `INSERT identity_event`…: the statement's verb and first table. */
function sqlKey(text: string): string {
  const verb = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? "?";
  const table = /\b(?:from|into|update)\s+"?([\w.]+)"?/i.exec(text)?.[1] ?? "";
  return table === "" ? verb : `${verb} ${table}`;
}

/**
 * Counts every SQL statement (pg.Client#query, which the pool and Kysely use) and every Redis
 * command (ioredis' sendCommand) of this process. Call before opening any connection.
 */
export function countStorageRoundTrips(): void {
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === "string" ? first : ((first as { text?: string } | null)?.text ?? "");
    const key = sqlKey(text);
    sql[key] = (sql[key] ?? 0) + 1;
    return query.apply(this, args);
  } as never;
  const send = Redis.prototype.sendCommand as (...args: unknown[]) => unknown;
  Redis.prototype.sendCommand = function countedCommand(this: Redis, ...args: unknown[]) {
    const name = String((args[0] as { name?: string } | undefined)?.name ?? "?").toUpperCase();
    redis[name] = (redis[name] ?? 0) + 1;
    return send.apply(this, args);
  } as never;
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

/**
 * Runs a server process: waits for `start`, calls `boot` (which listens and returns its URLs),
 * then answers `stats` and CPU-profiling requests (node:inspector, written as .cpuprofile)
 * until the parent disconnects.
 */
export function serveChild(boot: (start: ChildStart) => Promise<{ url: string; issuer: string }>): void {
  let profiler: Session | null = null;
  process.on("message", (message: ParentMessage) => {
    const handle = async () => {
      switch (message.type) {
        case "start":
          send({ type: "ready", ...(await boot(message)) });
          return;
        case "stats": {
          const cpu = process.cpuUsage();
          send({
            type: "stats",
            counts: { sql: { ...sql }, redis: { ...redis }, cpuMs: (cpu.user + cpu.system) / 1000 },
          });
          return;
        }
        case "profile-start":
          profiler = new Session();
          profiler.connect();
          await profiler.post("Profiler.enable");
          await profiler.post("Profiler.start");
          send({ type: "profiling" });
          return;
        case "profile-stop": {
          if (profiler === null) return;
          const { profile } = await profiler.post("Profiler.stop");
          const { writeFile } = await import("node:fs/promises");
          await writeFile(message.path, JSON.stringify(profile));
          profiler.disconnect();
          profiler = null;
          send({ type: "profiled", path: message.path });
          return;
        }
      }
    };
    handle().catch((error: unknown) => {
      send({
        type: "failed",
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    });
  });
  // The parent going away ends the server (no orphan keeps the port or the database).
  process.on("disconnect", () => process.exit(0));
}
