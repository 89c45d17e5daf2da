import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { ZodFastifyInstance } from "./app-deps.ts";
import { handleNotFound } from "./error-handler.ts";

/**
 * Addresses the console never answers: the API and the pages the server renders itself (the
 * services' status page, the portal, the hub's interactions and protocol endpoints, SCIM). An
 * unknown address under them is a 404, never the console's page with 200 — e.g. a status slug
 * longer than the router's parameter limit.
 */
export const SERVER_PATH_PREFIXES = [
  "/api/",
  "/status/",
  "/portal/",
  "/interaction/",
  "/oidc/",
  "/scim/",
] as const;

/** No file of the console has a longer path; a longer one is not looked up on disk. */
const MAX_FILE_PATH_LENGTH = 255;

function isServerPath(path: string): boolean {
  return path === "/api" || SERVER_PATH_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/**
 * Serves the built web console (Vite's output) from `root`: its files, and index.html for any
 * other GET outside the server's own addresses (client-side routes such as /budget/2023); those
 * keep problem+json 404s.
 * Hashed assets are cached for a year; index.html is never cached.
 */
export async function serveWebConsole(app: ZodFastifyInstance, root: string): Promise<void> {
  if (!existsSync(join(root, "index.html"))) {
    app.log.warn({ root }, "web console not built (npm run build:web): only the API is served");
    app.setNotFoundHandler(handleNotFound);
    return;
  }
  // The files' catch-all route (`/*`) also gets what no other route matched, e.g. a status slug
  // past the router's parameter limit: such addresses are not looked up on disk (the static
  // plugin would answer 403 for a name too long) but answered 404.
  app.addHook("onRequest", async (request, reply) => {
    if (request.routeOptions.url !== "/*") return;
    const path = request.url.split("?")[0] ?? "";
    if (path.length > MAX_FILE_PATH_LENGTH || isServerPath(path)) return reply.callNotFound();
  });
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: ["index.html"],
    setHeaders: (res, path) => {
      res.header(
        "cache-control",
        path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (request.method === "GET" && path.length <= MAX_FILE_PATH_LENGTH && !isServerPath(path)) {
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return handleNotFound(request, reply);
  });
}
