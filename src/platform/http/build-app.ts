import { randomUUID } from "node:crypto";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Config } from "../config/load-config.ts";
import {
  type AppDeps,
  type RouteRegistrar,
  type ServerPlugin,
  takesNoConsoleSession,
  withoutConsoleSession,
  type ZodFastifyInstance,
} from "./app-deps.ts";
import { handleError, handleNotFound } from "./error-handler.ts";
import { normalizeForwardedHeaders } from "./forwarded-headers.ts";
import { createHealthRoutes } from "./health-routes.ts";
import { loggerOptions } from "./logger-options.ts";
import { refuseNulCharacters } from "./refuse-nul-characters.ts";
import { addSecurityHeaders } from "./security-headers.ts";
import { serveWebConsole } from "./serve-web-console.ts";

/** Where the OpenAPI 3.1 document and Swagger UI are served. */
export const OPENAPI_PATH = "/api/openapi.json";
export const API_DOCS_PATH = "/api/docs";

/** An `X-Request-Id` from a proxy is kept when it looks like an id (no spaces, no control characters). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds the HTTP server of Entente, ready to `listen` (src/main.ts) or to `inject` (tests):
 * zod validation of requests *and* replies, the OpenAPI document of every zod route, security
 * headers, JSON logs with request ids and credentials redacted, problem+json errors, then the
 * routes of `deps.registerRoutes`, each in its own plugin scope. It opens no port and reads no
 * environment: everything comes from `deps` and `config`.
 *
 * @example
 * const app = await buildApp({ version: "0.1.0", now: () => new Date(), registerRoutes: [] }, config);
 * const response = await app.inject({ method: "GET", url: "/api/health" });
 * response.json(); // { status: "ok", version: "0.1.0", uptimeSeconds: 0 }
 */
export async function buildApp(deps: AppDeps, config: Config): Promise<ZodFastifyInstance> {
  const startedAt = deps.now();
  const generateRequestId = deps.generateRequestId ?? randomUUID;
  const app = Fastify({
    logger: loggerOptions(config.log.level, deps.logStream),
    requestIdHeader: false,
    // The one trusted-proxy rule of the server (TRUSTED_PROXIES): request.ip, request.protocol and
    // request.host read X-Forwarded-* only from these sockets; everything else derives from them
    // (the provider's mount, throttles, audit events, the Secure session cookie).
    trustProxy: config.server.trustedProxies.length === 0 ? false : [...config.server.trustedProxies],
    genReqId: (raw) => {
      const header = raw.headers["x-request-id"];
      return typeof header === "string" && REQUEST_ID.test(header) ? header : generateRequestId();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // The web console, when served, answers its own client-side routes (serve-web-console.ts).
  if (deps.webRoot === undefined) app.setNotFoundHandler(handleNotFound);
  app.addHook("onRequest", async (request, reply) => {
    normalizeForwardedHeaders(request);
    reply.header("x-request-id", request.id);
  });
  app.addHook("preValidation", refuseNulCharacters);

  addSecurityHeaders(app, config);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Entente API",
        version: deps.version,
        description:
          "Governance and cost sharing of an entente intercommunale. Errors answer application/problem+json (RFC 9457) with a code of docs/errors.md.",
      },
      servers: config.server.publicUrl === undefined ? [] : [{ url: config.server.publicUrl }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: API_DOCS_PATH,
    uiConfig: { validatorUrl: null },
  });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());

  if (deps.webRoot !== undefined) await serveWebConsole(app, deps.webRoot);
  const health = withoutConsoleSession(
    createHealthRoutes({ version: deps.version, now: deps.now, startedAt }),
  );
  await registerRouteScopes(app, [health, ...deps.registerRoutes], deps.plugins ?? []);
  await app.ready();
  return app;
}

/**
 * Each registrar in its own plugin scope. Those marked `withoutConsoleSession` hang from the root;
 * the others from one console scope where `plugins` (the web sessions) run first, so that their
 * hooks never run for the machines' routes.
 */
async function registerRouteScopes(
  app: ZodFastifyInstance,
  registrars: readonly RouteRegistrar[],
  plugins: readonly ServerPlugin[],
): Promise<void> {
  for (const register of registrars.filter(takesNoConsoleSession)) {
    await app.register(async (scope) => register(scope));
  }
  await app.register(async (console) => {
    for (const plugin of plugins) await plugin(console);
    for (const register of registrars.filter((r) => !takesNoConsoleSession(r))) {
      await console.register(async (scope) => register(scope));
    }
  });
}
