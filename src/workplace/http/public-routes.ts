import { readFile } from "node:fs/promises";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { ZodFastifyInstance } from "../../platform/http/app-deps.ts";
import { precomputeJson, sendJsonText } from "../../platform/http/precomputed-json.ts";
import { type LauncherAnswer, type LauncherQuery, launcherFeed } from "../app/launcher-feed.ts";
import type { WorkplaceDeps } from "../app/ports.ts";
import { ClientIdParam, LauncherFeed, LauncherQuery as LauncherQuerySchema } from "../contracts.ts";
import { monogramSvg } from "../domain/logo.ts";
import { EntenteError } from "../errors.ts";

const tags = ["digital workplace (public)"];
const FEED_PATHS = ["/api/v1.0/lagaufre/services/", "/api/v1.0/lagaufre/services"];
export const WIDGET_PATH = "/api/workplace/widget/lagaufre.js";

/** Readable from any origin: a member's intranet fetches the feed and loads logos and the widget. */
function allowAnyOrigin(reply: FastifyReply): FastifyReply {
  return reply
    .header("access-control-allow-origin", "*")
    .header("cross-origin-resource-policy", "cross-origin")
    .header("vary", "accept-language");
}

/**
 * The public routes of the workplace, without a session: the launcher feed (La Gaufre v2 /
 * Deploy Center shape, CORS `*`, errors as `{ error, services: [] }` with 400 or 404), the
 * services' logos and the embeddable widget script. The feed's `api` never makes the server
 * fetch anything: it only reads the database.
 */
export function registerPublicRoutes(
  app: ZodFastifyInstance,
  deps: WorkplaceDeps,
  feed: (query: LauncherQuery) => Promise<LauncherAnswer> = (query) => launcherFeed(deps, query),
): void {
  // Each answer's text once: the feed's cache (compose.ts) hands out the same answer for a few
  // seconds, so its body is checked and written once, not on every page load (bench/workplace).
  const texts = new WeakMap<LauncherAnswer, string>();
  const textOf = (answer: LauncherAnswer & { ok: true }, url: string) => {
    let text = texts.get(answer);
    if (text === undefined) {
      const body = { organization: answer.organization, services: [...answer.services] };
      text = precomputeJson(LauncherFeed, body, { method: "GET", url });
      texts.set(answer, text);
    }
    return text;
  };
  for (const path of FEED_PATHS) {
    app.get(
      path,
      {
        schema: {
          summary: "Launcher feed of a member (La Gaufre v2): siret= or siren=, subscribed services first",
          tags,
          querystring: LauncherQuerySchema,
          response: { 200: LauncherFeed, 400: LauncherFeed, 404: LauncherFeed },
        },
        // A query failing its schema (a repeated or overlong parameter) is answered in the
        // feed's own error shape below, not as a problem document its 400 schema would refuse.
        attachValidation: true,
      },
      async (request, reply) => {
        const answer = request.validationError
          ? ({ ok: false, status: 400, error: malformedQuery(request.query) } as const)
          : await feed(request.query);
        allowAnyOrigin(reply).header("cache-control", "public, max-age=60");
        if (!answer.ok) return reply.code(answer.status).send({ error: answer.error, services: [] });
        return sendJsonText(reply, textOf(answer, path));
      },
    );
    app.options(path, { schema: { hide: true } }, async (_request, reply) =>
      allowAnyOrigin(reply)
        .header("access-control-allow-methods", "GET")
        .header("access-control-max-age", "86400")
        .code(204)
        .send(),
    );
  }
  registerLogoRoute(app, deps);
  registerWidgetRoute(app);
}

const QUERY_LIMITS = { siret: 100, siren: 100, operator: 200 } as const;

/** Why a feed query failed its schema, naming the parameter (La Gaufre's errors are English). */
export function malformedQuery(query: unknown): string {
  const raw = (query ?? {}) as Record<string, unknown>;
  for (const [name, limit] of Object.entries(QUERY_LIMITS)) {
    const value = raw[name];
    if (Array.isArray(value)) return `${name} is given ${value.length} times: give it once`;
    if (typeof value === "string" && value.length > limit)
      return `${name} is longer than ${limit} characters: give siret (14 digits), siren (9 digits) or operator (an entente id)`;
  }
  return "malformed query: give siret=<14 digits> or siren=<9 digits>, and optionally operator=<entente id>";
}

function registerLogoRoute(app: ZodFastifyInstance, deps: WorkplaceDeps): void {
  app.get(
    "/api/workplace/logos/:clientId",
    {
      schema: {
        summary: "A service's logo: the uploaded image, or its generated monogram (SVG)",
        tags,
        params: z.object({ clientId: ClientIdParam }),
      },
    },
    async (request, reply) => {
      const found = await deps.catalogue.logoOf(request.params.clientId);
      if (found === null)
        throw new EntenteError("workplace.not_found", { what: "service", id: request.params.clientId });
      allowAnyOrigin(reply)
        .header("cache-control", "public, max-age=86400")
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      if (found.logo === null) {
        return reply
          .type("image/svg+xml; charset=utf-8")
          .send(monogramSvg(request.params.clientId, found.name));
      }
      return reply.type(found.logo.type).send(Buffer.from(found.logo.bytes));
    },
  );
}

let widgetSource: Promise<string> | null = null;

function registerWidgetRoute(app: ZodFastifyInstance): void {
  app.get(
    WIDGET_PATH,
    { schema: { summary: "The embeddable launcher widget (La Gaufre v2 protocol)", tags } },
    async (_request, reply) => {
      widgetSource ??= readFile(new URL("./assets/lagaufre-widget.js", import.meta.url), "utf8");
      return allowAnyOrigin(reply)
        .header("cache-control", "public, max-age=3600")
        .type("text/javascript; charset=utf-8")
        .send(await widgetSource);
    },
  );
}
