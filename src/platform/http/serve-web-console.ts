import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { ZodFastifyInstance } from "./app-deps.ts";
import { handleNotFound } from "./error-handler.ts";

/**
 * Serves the built web console (Vite's output) from `root`: its files, and index.html for any
 * other GET outside /api (client-side routes such as /budget/2023). /api keeps problem+json 404s.
 * Hashed assets are cached for a year; index.html is never cached.
 */
export async function serveWebConsole(app: ZodFastifyInstance, root: string): Promise<void> {
  if (!existsSync(join(root, "index.html"))) {
    app.log.warn({ root }, "web console not built (npm run build:web): only the API is served");
    app.setNotFoundHandler(handleNotFound);
    return;
  }
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
    if (request.method === "GET" && !path.startsWith("/api/") && path !== "/api") {
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return handleNotFound(request, reply);
  });
}
