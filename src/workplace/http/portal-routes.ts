import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import fastifyCookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ZodFastifyInstance } from "../../platform/http/app-deps.ts";
import { negotiateLanguage } from "../../platform/http/negotiate-language.ts";
import { EntenteError, formatMessage, type Lang, statusOf } from "../../shared/errors.ts";
import {
  acknowledgeAnnouncement,
  type PortalDeps,
  portalHome,
  setOpenInNewTab,
  setPin,
} from "../app/portal-home.ts";
import type { PortalSession } from "../app/portal-ports.ts";
import { ClientIdParam } from "../contracts.ts";
import { registerBackchannelLogout } from "./portal-backchannel.ts";
import { portalCsp } from "./portal-html.ts";
import {
  PortalSearchQuery,
  renderBilingualMessage,
  renderHome,
  renderMessage,
  SearchQuery,
} from "./portal-page.ts";
import { checkCsrf, clearPortalCookie, hashOf, SESSION_COOKIE, sessionOf } from "./portal-session.ts";
import {
  createPortalClients,
  endSessionUrl,
  finishSignIn,
  type PortalSignInDeps,
  startSignIn,
} from "./portal-sign-in.ts";
import { portalText } from "./portal-text.ts";

const PARAMS = z.object({ id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/) });
const tags = ["agents' and élus' portal"];
const SCRIPT = new URL("./assets/portal.js", import.meta.url);

const langOf = (request: FastifyRequest): Lang => {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  return asked === "en" || asked === "fr" ? asked : negotiateLanguage(request.headers["accept-language"]);
};
const base = (id: string) => `/portal/${encodeURIComponent(id)}`;
const html = (reply: FastifyReply, status: number, page: string) =>
  reply.code(status).type("text/html; charset=utf-8").header("cache-control", "no-store").send(page);

/** The portal's errors as HTML pages: the catalog's message and code, never a stack trace. */
async function renderPortalError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(request);
  const id = (request.params as { id?: string } | undefined)?.id ?? "";
  const t = portalText(lang);
  if (error instanceof EntenteError && error.code === "workplace.portal_rate_limited") {
    const message = (l: Lang) => formatMessage(error.code, error.details, l);
    reply.header("retry-after", String(error.details.seconds));
    return html(
      reply,
      429,
      renderBilingualMessage(base(id), error.code, { fr: message("fr"), en: message("en") }),
    );
  }
  if (error instanceof EntenteError) {
    return html(
      reply,
      statusOf(error.code),
      renderMessage(lang, base(id), t.errorTitle, formatMessage(error.code, error.details, lang), error.code),
    );
  }
  const invalid = (error as { validation?: unknown }).validation !== undefined;
  if (!invalid) request.log.error({ err: error }, "portal: unexpected error");
  const status = invalid ? 400 : 500;
  return html(
    reply,
    status,
    renderMessage(lang, base(id), t.errorTitle, `${t.errorTitle} (${status}, ${request.id}).`, null),
  );
}

/**
 * The agents' and élus' portal (issue 11 §3, docs/portal.md) under `/portal/<entente>/`:
 * server-rendered pages, the hub's sign-in (`portal-sign-in.ts`), and the person's writes (pins,
 * the new-tab choice, acknowledgements, sign-out) as forms carrying the session's anti-CSRF
 * token. Errors are HTML pages naming the catalog's code, never a stack trace.
 */
export async function registerPortalRoutes(
  app: ZodFastifyInstance,
  deps: PortalDeps,
  signIn: PortalSignInDeps,
) {
  if (!app.hasRequestDecorator("cookies")) await app.register(fastifyCookie);
  await app.register(formbody, { bodyLimit: 16 * 1024 });
  const clients = createPortalClients(signIn);
  // Inline in a <script>: a "</" in it could not end the element early.
  const script = (await readFile(SCRIPT, "utf8")).replaceAll("</", "<\\/");
  const csp = portalCsp(createHash("sha256").update(script).digest("base64"), signIn.cookies.secure);

  app.setErrorHandler(renderPortalError);

  // Every new sign-in state (the first page without a session, …/login) is counted against the
  // client's address (request.ip: the trusted-proxy rule); the store bounds the states per entente.
  if (!app.hasDecorator("createRateLimit")) await app.register(fastifyRateLimit, { global: false });
  const limit = app.createRateLimit({ max: signIn.perAddress.max, timeWindow: signIn.perAddress.windowMs });
  const beginSignIn = async (request: FastifyRequest, reply: FastifyReply, id: string, lang: Lang) => {
    const counted = await limit(request);
    if (!counted.isAllowed && counted.isExceeded)
      throw new EntenteError("workplace.portal_rate_limited", { seconds: Math.max(1, counted.ttlInSeconds) });
    return startSignIn(signIn, clients, id, lang, reply);
  };

  const signedIn = async (request: FastifyRequest, id: string): Promise<PortalSession | null> =>
    sessionOf(deps.portal, request, id, deps.clock.now());

  app.get("/portal/:id", { schema: { hide: true, params: PARAMS } }, async (request, reply) =>
    reply.redirect(`${base(request.params.id)}/`, 308),
  );
  app.get(
    "/portal/:id/",
    {
      schema: {
        summary: "The portal's first page (HTML)",
        tags,
        params: PARAMS,
        querystring: z.object({ q: PortalSearchQuery, lang: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const lang = langOf(request);
      const session = await signedIn(request, id);
      if (session === null) return beginSignIn(request, reply, id, lang);
      const home = await portalHome(deps, session);
      const page = renderHome({ lang, base: base(id), session }, home, request.query.q, script);
      return html(reply.header("content-security-policy", csp), 200, page);
    },
  );
  app.get("/portal/:id/login", { schema: { hide: true, params: PARAMS } }, async (request, reply) =>
    beginSignIn(request, reply, request.params.id, langOf(request)),
  );
  app.get("/portal/:id/callback", { schema: { hide: true, params: PARAMS } }, async (request, reply) => {
    const lang = await finishSignIn(signIn, clients, request.params.id, request, reply);
    return reply.redirect(`${base(request.params.id)}/?lang=${lang}`, 303);
  });
  app.get("/portal/:id/signed-out", { schema: { hide: true, params: PARAMS } }, async (request, reply) => {
    const lang = langOf(request);
    const t = portalText(lang);
    return html(reply, 200, renderMessage(lang, base(request.params.id), t.signedOut, t.signedOut, null));
  });
  registerPersonWrites(app, deps, signIn, clients, signedIn);
  registerBackchannelLogout(app, deps.portal, clients);
}

type SignedIn = (request: FastifyRequest, id: string) => Promise<PortalSession | null>;

function registerPersonWrites(
  app: ZodFastifyInstance,
  deps: PortalDeps,
  signIn: PortalSignInDeps,
  clients: ReturnType<typeof createPortalClients>,
  signedIn: SignedIn,
) {
  /** The session behind a form, its token checked; no session: back to the first page (which signs in). */
  const formSession = async (request: FastifyRequest, reply: FastifyReply, id: string) => {
    const session = await signedIn(request, id);
    if (session === null) {
      await reply.redirect(`${base(id)}/?lang=${langOf(request)}`, 303);
      return null;
    }
    checkCsrf(session, request.body);
    return session;
  };
  const back = (reply: FastifyReply, request: FastifyRequest, id: string, q = "") =>
    reply.redirect(
      `${base(id)}/?lang=${langOf(request)}${q === "" ? "" : `&q=${encodeURIComponent(q)}`}`,
      303,
    );
  const Form = z.object({ csrf: z.string().max(100).optional() });

  app.post(
    "/portal/:id/pins",
    {
      schema: {
        hide: true,
        params: PARAMS,
        body: Form.extend({
          clientId: ClientIdParam,
          pin: z.enum(["0", "1"]),
          q: SearchQuery,
        }),
      },
    },
    async (request, reply) => {
      const session = await formSession(request, reply, request.params.id);
      if (session === null) return reply;
      await setPin(deps, session, request.body.clientId, request.body.pin === "1");
      return back(reply, request, request.params.id, request.body.q);
    },
  );
  app.post(
    "/portal/:id/preferences",
    { schema: { hide: true, params: PARAMS, body: Form.extend({ newTab: z.literal("1").optional() }) } },
    async (request, reply) => {
      const session = await formSession(request, reply, request.params.id);
      if (session === null) return reply;
      await setOpenInNewTab(deps, session, request.body.newTab === "1");
      return back(reply, request, request.params.id);
    },
  );
  app.post(
    "/portal/:id/announcements/:announcementId/ack",
    { schema: { hide: true, params: PARAMS.extend({ announcementId: z.string().max(100) }), body: Form } },
    async (request, reply) => {
      const session = await formSession(request, reply, request.params.id);
      if (session === null) return reply;
      await acknowledgeAnnouncement(deps, session, request.params.announcementId);
      return back(reply, request, request.params.id);
    },
  );
  app.post(
    "/portal/:id/logout",
    { schema: { hide: true, params: PARAMS, body: Form } },
    async (request, reply) => {
      const { id } = request.params;
      const session = await formSession(request, reply, id);
      if (session === null) return reply;
      await deps.portal.deleteSession(hashOf(request.cookies[SESSION_COOKIE] ?? ""));
      clearPortalCookie(reply, SESSION_COOKIE, base(id), signIn.cookies);
      return reply.redirect(await endSessionUrl(signIn, clients, id, session.idToken, langOf(request)), 303);
    },
  );
}
