import { type Config, loadConfig } from "../../src/platform/config/load-config.ts";
import type { RouteRegistrar, ServerPlugin, ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildApp } from "../../src/platform/http/build-app.ts";

/** A fixed clock that tests move forward by hand. */
export function createFixedClock(start = new Date("2025-03-01T08:00:00Z")) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (milliseconds: number) => {
      current += milliseconds;
    },
  };
}

export interface TestApp {
  readonly app: ZodFastifyInstance;
  /** Every log line written so far, parsed. */
  readonly logs: () => Record<string, unknown>[];
  /** The raw text written to the log so far. */
  readonly logText: () => string;
}

/**
 * `buildApp` with test settings: NODE_ENV=test, logs collected in memory, request ids
 * `req-1`, `req-2`…, the given routes. Close the app when done (`t.after(() => app.close())`).
 */
export async function buildTestApp(
  options: {
    routes?: readonly RouteRegistrar[];
    plugins?: readonly ServerPlugin[];
    env?: Record<string, string>;
    now?: () => Date;
    version?: string;
  } = {},
): Promise<TestApp> {
  const lines: string[] = [];
  let nextId = 0;
  const config: Config = loadConfig(
    { NODE_ENV: "test", LOG_LEVEL: "info", ...options.env },
    { generateSecret: () => "test-secret-test-secret-test-secret-43chars" },
  );
  const app = await buildApp(
    {
      version: options.version ?? "1.2.3-test",
      now: options.now ?? createFixedClock().now,
      registerRoutes: options.routes ?? [],
      ...(options.plugins === undefined ? {} : { plugins: options.plugins }),
      logStream: {
        write: (line) => {
          lines.push(line);
        },
      },
      generateRequestId: () => `req-${++nextId}`,
    },
    config,
  );
  return {
    app,
    logs: () =>
      lines
        .join("")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    logText: () => lines.join(""),
  };
}
