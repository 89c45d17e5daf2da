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
 * A plugin registered on the root instance before every route (not encapsulated): hooks and
 * decorations that every route sees, such as the console's web sessions (src/access).
 */
export type ServerPlugin = (app: ZodFastifyInstance) => Promise<void>;

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
  /** Root plugins, before the routes: the console's web sessions (cookie, CSRF, signed-in person). */
  readonly plugins?: readonly ServerPlugin[];
  /** Folder of the built web console (web/dist) served at `/`, with index.html for its routes. */
  readonly webRoot?: string;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * The route authenticates its caller itself with a credential a browser never sends on its
     * own (a service's key in `X-Service-Auth`), and takes no console session: the web-session
     * plugin neither requires a session nor checks CSRF on it (src/access/http/web-session.ts).
     */
    readonly authenticatedByServiceKey?: boolean;
  }
}
