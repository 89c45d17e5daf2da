import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

/** The Fastify instance that routes receive: zod schemas type requests and replies. */
export type ZodFastifyInstance = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * Adds routes to the app. Each runs in its own encapsulated plugin scope, after security
 * headers, OpenAPI, the error handler and the 404 handler are in place, so its routes appear in
 * `/api/openapi.json` and its errors answer problem+json. Declare full paths (`/api/...`).
 * Build one with a factory that closes over what the routes need: `createBudgetRoutes(useCases)`.
 */
export type RouteRegistrar = (app: ZodFastifyInstance) => Promise<void>;

/**
 * A plugin registered before the routes of `AppDeps.registerRoutes`, in their common scope: hooks
 * and decorations that every console route sees, such as the console's web sessions (src/access).
 * Routes marked with `withoutConsoleSession` live outside that scope and never run its hooks.
 */
export type ServerPlugin = (app: ZodFastifyInstance) => Promise<void>;

const WITHOUT_CONSOLE_SESSION = Symbol("withoutConsoleSession");

/**
 * Marks routes that machines or the public call with no console session: the health check, the
 * launcher feed, the entitlements a service asks with its own key. buildApp registers them beside
 * the scope of `AppDeps.plugins`, so the web-session hooks (cookie parsing, a new session object
 * and its signed id, CSRF, loading the signed-in person) never run for them: those routes are
 * called on every page load and upload of every member (issue 11, "Performance"), and a browser's
 * console cookie has no meaning there. Such a route must authenticate its caller by itself, or be
 * public.
 */
export function withoutConsoleSession(register: RouteRegistrar): RouteRegistrar {
  return Object.assign(async (app: ZodFastifyInstance) => register(app), { [WITHOUT_CONSOLE_SESSION]: true });
}

/** Whether `register` was marked by `withoutConsoleSession`. */
export function takesNoConsoleSession(register: RouteRegistrar): boolean {
  return (register as { [WITHOUT_CONSOLE_SESSION]?: boolean })[WITHOUT_CONSOLE_SESSION] === true;
}

/** Where log lines go (one JSON object per line); pino's destination interface. */
export interface LogStream {
  write(line: string): void;
}

/**
 * What the HTTP layer needs from the composition root (src/main.ts). Tests pass fakes: a fixed
 * clock, a log stream that collects lines, routes of their own.
 */
export interface AppDeps {
  /** Version of Entente shown by `/api/health` and in the OpenAPI document. */
  readonly version: string;
  /** The clock (uptime); a fixed one in tests. */
  readonly now: () => Date;
  /** Route plugins of the API, registered in this order. */
  readonly registerRoutes: readonly RouteRegistrar[];
  /** Destination of the logs; default standard output. Level and redaction come from buildApp. */
  readonly logStream?: LogStream;
  /** Id of a request that brings no valid `X-Request-Id`; default a random UUID. */
  readonly generateRequestId?: () => string;
  /**
   * Plugins of the console's scope, before its routes: the console's web sessions (cookie, CSRF,
   * signed-in person). Routes marked `withoutConsoleSession` are registered outside it.
   */
  readonly plugins?: readonly ServerPlugin[];
  /** Folder of the built web console (web/dist) served at `/`, with index.html for its routes. */
  readonly webRoot?: string;
}
