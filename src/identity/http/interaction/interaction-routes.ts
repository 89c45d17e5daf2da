import { isIP } from "node:net";
import formbody from "@fastify/formbody";
import type { FastifyReply, FastifyRequest } from "fastify";
import QRCode from "qrcode";
import type { RouteRegistrar } from "../../../platform/http/app-deps.ts";
import { negotiateLanguage } from "../../../platform/http/negotiate-language.ts";
import { formatHttpProblemMessage } from "../../../platform/http/problem-messages.ts";
import type { InteractionGateway } from "../../app/ports.ts";
import type { RedirectKind, SignInContext, SignInFlow, SignInStep } from "../../app/sign-in-flow.ts";
import { EntenteError, type ErrorCode, formatMessage, type Lang, localized, statusOf } from "../../errors.ts";
import type { PageError } from "./html.ts";
import { registerInteractionAssets } from "./interaction-assets.ts";
import { text } from "./messages.ts";
import {
  renderMfaChoicePage,
  renderTotpEnrolPage,
  renderTotpVerifyPage,
  renderWebauthnPage,
} from "./mfa-pages.ts";
import {
  interactionPath,
  type PageContext,
  renderAffiliationPage,
  renderErrorPage,
  renderPasswordPage,
  renderRefusedPage,
  renderStartPage,
} from "./sign-in-pages.ts";

/** What the sign-in pages need from the composition root. */
export interface InteractionRoutesDeps {
  /** The use cases (`createSignInFlow`). */
  readonly flow: SignInFlow;
  /** The OpenID Provider's interaction API (checks the interaction belongs to the browser). */
  readonly gateway: InteractionGateway;
  /** Entente's public URL: the way back when no interaction is left (the portal). */
  readonly publicUrl: string;
}

const UID = /^[A-Za-z0-9_-]{1,128}$/;
/** Form posts are small; a SAML Response (base64 XML, signed, maybe encrypted) needs more room. */
const FORM_LIMIT_BYTES = 64 * 1024;
const SAML_LIMIT_BYTES = 1024 * 1024;

type Fields = Readonly<Record<string, string>>;

/** Form fields or query parameters as single strings (a repeated field keeps its first value). */
function fieldsOf(value: unknown): Fields {
  if (typeof value !== "object" || value === null) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === "string") out[k] = first;
  }
  return out;
}

function langOf(request: FastifyRequest): Lang {
  const asked = fieldsOf(request.query).lang;
  if (asked === "fr" || asked === "en") return asked;
  return negotiateLanguage(request.headers["accept-language"]);
}

/** The catalog's message as a sentence (catalog messages start lowercase). */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

function pageError(error: EntenteError, lang: Lang, requestId: string, fields: readonly string[]): PageError {
  return {
    code: error.code,
    message: sentence(formatMessage(error.code, error.details, lang)),
    requestId,
    fields,
  };
}

function sendHtml(reply: FastifyReply, status: number, body: string, lang: Lang): FastifyReply {
  return reply
    .code(status)
    .header("cache-control", "no-store")
    .header("content-language", lang)
    .type("text/html; charset=utf-8")
    .send(body);
}

const withLang = (path: string, lang: Lang) => `${path}?lang=${lang}`;

/** Codes a form shows next to its fields (the person can fix them on the same page). */
const isOneOf = (error: unknown, ...codes: ErrorCode[]): error is EntenteError =>
  error instanceof EntenteError && codes.includes(error.code);

interface Interaction {
  readonly ctx: SignInContext;
  readonly pc: PageContext;
  readonly lang: Lang;
  readonly fields: Fields;
}

/**
 * The sign-in pages at `/interaction/:uid/…` (server-rendered HTML, French first, `?lang=en`),
 * the upstream callbacks `/interaction/callback/oidc/:sourceId` (GET) and
 * `/interaction/callback/saml/:sourceId` (POST, cross-site: no cookie needed, then 303 to
 * `/interaction/:uid/continue` where the cookie is sent), and the assets under
 * `/interaction/assets/`. Every page first asks the provider for the interaction bound to the
 * browser's cookie; every POST carries the anti-CSRF token of the interaction. Problems show the
 * catalog's code, the request id as the support code and the way back; never a stack trace.
 */
export function createInteractionRoutes(deps: InteractionRoutesDeps): RouteRegistrar {
  const { flow, gateway } = deps;
  const portalUrl = new URL("/", deps.publicUrl).toString();

  return async (app) => {
    await app.register(formbody, { bodyLimit: SAML_LIMIT_BYTES });
    await registerInteractionAssets(app);

    /** Renders a problem that ends the page: its code, message, support code and the way back. */
    const sendError = async (
      request: FastifyRequest,
      reply: FastifyReply,
      error: unknown,
      lang: Lang,
      ctx: SignInContext | null,
    ) => {
      const requestId = request.id;
      let code: string;
      let message: string;
      let status: number;
      if (error instanceof EntenteError) {
        code = error.code;
        message = sentence(formatMessage(error.code, error.details, lang));
        status = statusOf(error.code);
        request.log.info({ code, status }, "sign-in page answered with a problem");
      } else {
        code = "server.internal";
        message = sentence(formatHttpProblemMessage("server.internal", { requestId }, lang));
        status = 500;
        request.log.error({ err: error }, "sign-in page failed");
      }
      let csrf: string | null = null;
      if (ctx !== null) csrf = await flow.csrfToken(ctx).catch(() => null);
      const path = request.url.split("?")[0] ?? "";
      const page = renderErrorPage(
        { lang, uid: ctx?.details.uid ?? null, path, requestId },
        { code, message, csrf, portalUrl },
      );
      return sendHtml(reply, status, page, lang);
    };

    /** Runs a page of an interaction: the provider's check of the cookie, then `handler`. */
    const page =
      (handler: (request: FastifyRequest, reply: FastifyReply, i: Interaction) => Promise<FastifyReply>) =>
      async (request: FastifyRequest, reply: FastifyReply) => {
        const lang = langOf(request);
        const { uid } = request.params as { uid: string };
        let ctx: SignInContext | null = null;
        try {
          if (!UID.test(uid)) throw new EntenteError("identity.interaction_expired");
          const details = await gateway.details(request.raw, reply.raw);
          if (details.uid !== uid) throw new EntenteError("identity.interaction_expired");
          ctx = { details, requestId: request.id, ip: request.ip ?? null };
          const fields = fieldsOf(request.body);
          if (request.method === "POST") await flow.verifyCsrf(ctx, fields.csrf);
          const pc: PageContext = { lang, uid, path: request.url.split("?")[0] ?? "", requestId: request.id };
          return await handler(request, reply, { ctx, pc, lang, fields });
        } catch (error) {
          return sendError(request, reply, error, lang, ctx);
        }
      };

    /** What a step of the flow becomes: a redirect (303, POST → GET), a page, or the end of the interaction. */
    const respond = async (
      request: FastifyRequest,
      reply: FastifyReply,
      i: Interaction,
      step: SignInStep,
    ) => {
      const go = (rest: string) =>
        reply.code(303).redirect(withLang(interactionPath(i.pc.uid, rest), i.lang), 303);
      switch (step.kind) {
        case "ask-email":
          return sendHtml(
            reply,
            200,
            renderStartPage(i.pc, {
              csrf: await flow.csrfToken(i.ctx),
              organisations: step.organisations,
              email: step.loginHint,
              error: null,
            }),
            i.lang,
          );
        case "password":
          return go("/password");
        case "upstream":
          return go("/upstream");
        case "choose-affiliation":
          return go("/organisation");
        case "second-factor":
          return go("/mfa");
        case "refused": {
          const reason = text("fr").refusedReason[step.reason];
          const message = sentence(
            formatMessage(
              step.code,
              { service: step.serviceName, reason: localized(reason.fr, reason.en) },
              i.lang,
            ),
          );
          const csrf = await flow.csrfToken(i.ctx);
          return sendHtml(reply, 403, renderRefusedPage(i.pc, { csrf, message, code: step.code }), i.lang);
        }
        case "finish": {
          const { redirectTo } = await gateway.finishSignIn(request.raw, reply.raw, step.result);
          return reply.redirect(redirectTo, 303);
        }
      }
    };

    const startPageWithError = async (
      reply: FastifyReply,
      i: Interaction,
      error: EntenteError,
      field: string,
      email: string | null,
    ) =>
      sendHtml(
        reply,
        statusOf(error.code),
        renderStartPage(i.pc, {
          csrf: await flow.csrfToken(i.ctx),
          organisations: await flow.listOrganisations(),
          email,
          error: pageError(error, i.lang, i.pc.requestId, [field]),
        }),
        i.lang,
      );

    const uidRoute = (rest: string) => `/interaction/:uid${rest}`;
    const hidden = { schema: { hide: true } } as const;

    // ---- (1)(2) start: email or organisation -------------------------------------------------
    app.get(
      uidRoute(""),
      hidden,
      page(async (request, reply, i) => respond(request, reply, i, await flow.begin(i.ctx))),
    );

    app.post(
      uidRoute("/email"),
      { ...hidden, bodyLimit: FORM_LIMIT_BYTES },
      page(async (request, reply, i) => {
        const email = i.fields.email ?? "";
        try {
          return await respond(request, reply, i, await flow.submitEmail(i.ctx, email));
        } catch (error) {
          if (
            isOneOf(error, "identity.email_invalid", "identity.domain_unknown", "identity.source_disabled")
          ) {
            return startPageWithError(reply, i, error, "email", email);
          }
          throw error;
        }
      }),
    );

    app.post(
      uidRoute("/organisation"),
      { ...hidden, bodyLimit: FORM_LIMIT_BYTES },
      page(async (request, reply, i) => {
        try {
          return await respond(
            request,
            reply,
            i,
            await flow.submitOrganisation(i.ctx, i.fields.sourceId ?? ""),
          );
        } catch (error) {
          if (isOneOf(error, "identity.source_not_found", "identity.source_disabled")) {
            return startPageWithError(reply, i, error, "source", null);
          }
          throw error;
        }
      }),
    );

    // ---- (3) password sources ------------------------------------------------------------------
    const passwordPage = async (
      reply: FastifyReply,
      i: Interaction,
      error: EntenteError | null,
      login: string | null,
    ) => {
      const view = await flow.passwordPage(i.ctx);
      const fields = error?.code === "identity.invalid_credentials" ? ["password"] : [];
      return sendHtml(
        reply,
        error === null ? 200 : statusOf(error.code),
        renderPasswordPage(i.pc, {
          csrf: await flow.csrfToken(i.ctx),
          sourceLabel: view.sourceLabel,
          login: login ?? view.login,
          error: error === null ? null : pageError(error, i.lang, i.pc.requestId, fields),
        }),
        i.lang,
      );
    };

    app.get(
      uidRoute("/password"),
      hidden,
      page(async (_request, reply, i) => passwordPage(reply, i, null, null)),
    );

    app.post(
      uidRoute("/password"),
      { ...hidden, bodyLimit: FORM_LIMIT_BYTES },
      page(async (request, reply, i) => {
        const login = i.fields.login ?? "";
        try {
          return await respond(
            request,
            reply,
            i,
            await flow.submitPassword(i.ctx, login, i.fields.password ?? ""),
          );
        } catch (error) {
          if (isOneOf(error, "identity.invalid_credentials", "identity.too_many_attempts")) {
            return passwordPage(reply, i, error, login);
          }
          throw error;
        }
      }),
    );

    // ---- (3) redirect sources: out to the IdP, back through the callbacks ---------------------
    app.get(
      uidRoute("/upstream"),
      hidden,
      page(async (_request, reply, i) => reply.redirect((await flow.startUpstream(i.ctx)).redirectUrl, 303)),
    );

    const callback = (kind: RedirectKind) => async (request: FastifyRequest, reply: FastifyReply) => {
      const lang = langOf(request);
      const { sourceId } = request.params as { sourceId: string };
      try {
        const { interactionId } = await flow.receiveUpstreamAnswer(
          kind,
          sourceId,
          { query: fieldsOf(request.query), body: fieldsOf(request.body) },
          { requestId: request.id, ip: request.ip ?? null },
        );
        return reply.redirect(interactionPath(interactionId, "/continue"), 303);
      } catch (error) {
        return sendError(request, reply, error, lang, null);
      }
    };
    app.get("/interaction/callback/oidc/:sourceId", hidden, callback("oidc"));
    app.post(
      "/interaction/callback/saml/:sourceId",
      { ...hidden, bodyLimit: SAML_LIMIT_BYTES },
      callback("saml"),
    );

    app.get(
      uidRoute("/continue"),
      hidden,
      page(async (request, reply, i) => respond(request, reply, i, await flow.continueAfterUpstream(i.ctx))),
    );

    // ---- (4) organisation chooser, refusal, way back ------------------------------------------
    const affiliationPage = async (reply: FastifyReply, i: Interaction) =>
      sendHtml(
        reply,
        200,
        renderAffiliationPage(i.pc, {
          csrf: await flow.csrfToken(i.ctx),
          choices: await flow.affiliationChoices(i.ctx),
          error: null,
        }),
        i.lang,
      );
    app.get(
      uidRoute("/organisation"),
      hidden,
      page(async (_request, reply, i) => affiliationPage(reply, i)),
    );
    app.post(
      uidRoute("/organisation/choice"),
      { ...hidden, bodyLimit: FORM_LIMIT_BYTES },
      page(async (request, reply, i) =>
        respond(request, reply, i, await flow.chooseAffiliation(i.ctx, i.fields.memberId ?? "")),
      ),
    );

    app.post(
      uidRoute("/abort"),
      { ...hidden, bodyLimit: FORM_LIMIT_BYTES },
      page(async (request, reply, i) => {
        const { refused } = await flow.recordAbandon(i.ctx);
        const { redirectTo } = await gateway.abort(request.raw, reply.raw, {
          error: "access_denied",
          description: refused ? "identity.service_refused" : "the person went back to the service",
        });
        return reply.redirect(redirectTo, 303);
      }),
    );

    // ---- second factor ---------------------------------------------------------------------------
    app.get(
      uidRoute("/mfa"),
      hidden,
      page(async (_request, reply, i) => {
        const { enrolled } = await flow.secondFactorPage(i.ctx);
        if (enrolled.includes("totp"))
          return reply.redirect(withLang(interactionPath(i.pc.uid, "/mfa/totp"), i.lang), 303);
        if (enrolled.includes("webauthn"))
          return reply.redirect(withLang(interactionPath(i.pc.uid, "/mfa/webauthn"), i.lang), 303);
        const webauthnAvailable = !isIpAddress(new URL(deps.publicUrl).hostname);
        return sendHtml(
          reply,
          200,
          renderMfaChoicePage(i.pc, { csrf: await flow.csrfToken(i.ctx), webauthnAvailable }),
          i.lang,
        );
      }),
    );

    const mfaError = (error: EntenteError, i: Interaction, fields: readonly string[]) =>
      pageError(error, i.lang, i.pc.requestId, fields);

    const totpEnrolPage = async (reply: FastifyReply, i: Interaction, error: EntenteError | null) => {
      const { secret, otpauthUri } = await flow.totpEnrolment(i.ctx);
      const qrSvg = await QRCode.toString(otpauthUri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
      return sendHtml(
        reply,
        error === null ? 200 : statusOf(error.code),
        renderTotpEnrolPage(i.pc, {
          csrf: await flow.csrfToken(i.ctx),
          qrSvg,
          secret,
          error: error === null ? null : mfaError(error, i, ["code"]),
        }),
        i.lang,
      );
    };
    app.get(
      uidRoute("/mfa/totp/enrol"),
      hidden,
      page(async (_request, reply, i) => totpEnrolPage(reply, i, null)),
    );
    app.post(
      uidRoute("/mfa/totp/enrol"),
      { ...hidden, bodyLimit: FORM_LIMIT_BYTES },
      page(async (request, reply, i) => {
        try {
          return await respond(
            request,
            reply,
            i,
            await flow.confirmTotpEnrolment(i.ctx, i.fields.code ?? ""),
          );
        } catch (error) {
          if (isOneOf(error, "identity.mfa_invalid", "identity.too_many_attempts"))
            return totpEnrolPage(reply, i, error);
          throw error;
        }
      }),
    );

    const totpVerifyPage = async (reply: FastifyReply, i: Interaction, error: EntenteError | null) => {
      const { enrolled } = await flow.secondFactorPage(i.ctx);
      return sendHtml(
        reply,
        error === null ? 200 : statusOf(error.code),
        renderTotpVerifyPage(i.pc, {
          csrf: await flow.csrfToken(i.ctx),
          enrolled,
          error: error === null ? null : mfaError(error, i, ["code"]),
        }),
        i.lang,
      );
    };
    app.get(
      uidRoute("/mfa/totp"),
      hidden,
      page(async (_request, reply, i) => totpVerifyPage(reply, i, null)),
    );
    app.post(
      uidRoute("/mfa/totp"),
      { ...hidden, bodyLimit: FORM_LIMIT_BYTES },
      page(async (request, reply, i) => {
        try {
          return await respond(request, reply, i, await flow.verifyTotp(i.ctx, i.fields.code ?? ""));
        } catch (error) {
          if (isOneOf(error, "identity.mfa_invalid", "identity.too_many_attempts"))
            return totpVerifyPage(reply, i, error);
          throw error;
        }
      }),
    );

    const webauthnPage = async (
      reply: FastifyReply,
      i: Interaction,
      mode: "register" | "authenticate",
      error: EntenteError | null,
    ) => {
      const options =
        mode === "register"
          ? await flow.webauthnRegistration(i.ctx)
          : await flow.webauthnAuthentication(i.ctx);
      const { enrolled } = await flow.secondFactorPage(i.ctx);
      return sendHtml(
        reply,
        error === null ? 200 : statusOf(error.code),
        renderWebauthnPage(i.pc, {
          mode,
          csrf: await flow.csrfToken(i.ctx),
          options,
          enrolled,
          error: error === null ? null : mfaError(error, i, []),
        }),
        i.lang,
      );
    };
    const parseJson = (value: string | undefined): unknown => {
      try {
        return JSON.parse(value ?? "");
      } catch {
        return null; // the library refuses it: identity.mfa_invalid
      }
    };
    for (const mode of ["register", "authenticate"] as const) {
      const path = uidRoute(mode === "register" ? "/mfa/webauthn/register" : "/mfa/webauthn");
      app.get(
        path,
        hidden,
        page(async (_request, reply, i) => webauthnPage(reply, i, mode, null)),
      );
      app.post(
        path,
        { ...hidden, bodyLimit: FORM_LIMIT_BYTES },
        page(async (request, reply, i) => {
          const response = parseJson(i.fields.response);
          try {
            const step =
              mode === "register"
                ? await flow.registerWebauthn(i.ctx, response, i.fields.label ?? "")
                : await flow.verifyWebauthn(i.ctx, response);
            return await respond(request, reply, i, step);
          } catch (error) {
            if (isOneOf(error, "identity.mfa_invalid", "identity.too_many_attempts"))
              return webauthnPage(reply, i, mode, error);
            throw error;
          }
        }),
      );
    }
  };
}

/** WebAuthn's relying-party id must be a domain name: browsers refuse an IP address (WebAuthn L3 §5.1.3). */
function isIpAddress(hostname: string): boolean {
  return isIP(hostname.replace(/^\[|\]$/g, "")) !== 0;
}
