import type { FastifyReply, FastifyRequest } from "fastify";
import { formatHttpProblemMessage } from "../../../platform/http/problem-messages.ts";
import type { InteractionGateway } from "../../app/ports.ts";
import type { SignInContext, SignInStep } from "../../app/sign-in/sign-in-step.ts";
import type { SignInFlow } from "../../app/sign-in-flow.ts";
import { EntenteError, formatMessage, type Lang, localized, statusOf } from "../../errors.ts";
import { text } from "./messages.ts";
import { type Fields, fieldsOf, interactionLangOf, langOf, sendHtml, sentence, withLang } from "./page-io.ts";
import {
  interactionPath,
  type PageContext,
  renderErrorPage,
  renderRefusedPage,
  renderStartPage,
} from "./sign-in-pages.ts";

const UID = /^[A-Za-z0-9_-]{1,128}$/;

/** One request of an interaction page: the sign-in's context, the page's, its language and fields. */
export interface Interaction {
  readonly ctx: SignInContext;
  readonly pc: PageContext;
  readonly lang: Lang;
  readonly fields: Fields;
}

type PageHandler = (request: FastifyRequest, reply: FastifyReply, i: Interaction) => Promise<FastifyReply>;

/** What the routes of the sign-in pages share (see `createInteractionPages`). */
export interface InteractionPages {
  readonly flow: SignInFlow;
  readonly publicUrl: string;
  /** Runs a page of an interaction: the provider's check of the cookie, the anti-CSRF check of a POST, then `handler`. */
  page(handler: PageHandler): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
  /** What a step of the flow becomes: a redirect (303, POST → GET), a page, or the end of the interaction. */
  respond(
    request: FastifyRequest,
    reply: FastifyReply,
    i: Interaction,
    step: SignInStep,
  ): Promise<FastifyReply>;
  /** Renders a problem that ends the page: its code, message, support code and the way back. */
  sendError(
    request: FastifyRequest,
    reply: FastifyReply,
    error: unknown,
    lang: Lang,
    ctx: SignInContext | null,
  ): Promise<FastifyReply>;
}

/**
 * The machinery of the sign-in pages: every page first asks the provider for the interaction
 * bound to the browser's cookie; every POST carries the anti-CSRF token of the interaction.
 * Problems show the catalog's code, the request id as the support code and the way back; never
 * a stack trace.
 */
export function createInteractionPages(deps: {
  readonly flow: SignInFlow;
  readonly gateway: InteractionGateway;
  readonly publicUrl: string;
}): InteractionPages {
  const { flow, gateway } = deps;
  const portalUrl = new URL("/", deps.publicUrl).toString();

  const sendError: InteractionPages["sendError"] = async (request, reply, error, lang, ctx) => {
    const requestId = request.id;
    const problem = problemOf(error, lang, requestId);
    if (error instanceof EntenteError)
      request.log.info(
        { code: problem.code, status: problem.status },
        "sign-in page answered with a problem",
      );
    else request.log.error({ err: error }, "sign-in page failed");
    let csrf: string | null = null;
    // No sign-in state left (expired, never begun): no back-to-service form, the way back is the portal.
    if (ctx !== null) csrf = await flow.csrfToken(ctx).catch(() => null);
    const path = request.url.split("?")[0] ?? "";
    const page = renderErrorPage(
      { lang, uid: ctx?.details.uid ?? null, path, requestId },
      { code: problem.code, message: problem.message, csrf, portalUrl },
    );
    return sendHtml(reply, problem.status, page, lang);
  };

  const page: InteractionPages["page"] = (handler) => async (request, reply) => {
    let lang = langOf(request);
    const { uid } = request.params as { uid: string };
    let ctx: SignInContext | null = null;
    try {
      if (!UID.test(uid)) throw new EntenteError("identity.interaction_expired");
      const details = await gateway.details(request.raw, reply.raw);
      if (details.uid !== uid) throw new EntenteError("identity.interaction_expired");
      lang = interactionLangOf(request, details.uiLocales);
      ctx = { details, requestId: request.id, ip: request.ip ?? null };
      const fields = fieldsOf(request.body);
      if (request.method === "POST") await flow.verifyCsrf(ctx, fields.csrf);
      const pc: PageContext = { lang, uid, path: request.url.split("?")[0] ?? "", requestId: request.id };
      return await handler(request, reply, { ctx, pc, lang, fields });
    } catch (error) {
      const expired = error instanceof EntenteError && error.code === "identity.interaction_expired";
      const answer = expired && UID.test(uid) ? await answerExpired(request, uid) : null;
      if (answer !== null) return reply.redirect(answer, 303);
      return sendError(request, reply, error, lang, ctx);
    }
  };

  // The interaction expired while the person was away (at the IdP…): the service gets an OAuth error.
  const answerExpired = (request: FastifyRequest, uid: string) =>
    flow.answerExpired(uid, { requestId: request.id, ip: request.ip ?? null }).catch((error: unknown) => {
      request.log.error({ err: error }, "could not answer an expired sign-in to its service");
      return null;
    });

  const respond: InteractionPages["respond"] = (request, reply, i, step) =>
    respondToStep(flow, request, reply, i, step);

  return { flow, publicUrl: deps.publicUrl, page, respond, sendError };
}

/** The code, message and status a page shows for `error` (an unexpected one: `server.internal`, 500). */
function problemOf(error: unknown, lang: Lang, requestId: string) {
  if (error instanceof EntenteError) {
    return {
      code: error.code as string,
      message: sentence(formatMessage(error.code, error.details, lang)),
      status: statusOf(error.code),
    };
  }
  return {
    code: "server.internal",
    message: sentence(formatHttpProblemMessage("server.internal", { requestId }, lang)),
    status: 500,
  };
}

/** What a step of the flow becomes (see `InteractionPages.respond`); `finish` hands the sign-in to the provider. */
async function respondToStep(
  flow: SignInFlow,
  request: FastifyRequest,
  reply: FastifyReply,
  i: Interaction,
  step: SignInStep,
): Promise<FastifyReply> {
  const go = (rest: string) =>
    reply.code(303).redirect(withLang(interactionPath(i.pc.uid, rest), i.lang), 303);
  switch (step.kind) {
    case "ask-email": {
      const view = {
        csrf: await flow.csrfToken(i.ctx),
        organisations: step.organisations,
        email: step.loginHint,
        error: null,
      };
      return sendHtml(reply, 200, renderStartPage(i.pc, view), i.lang);
    }
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
      const details = { service: step.serviceName, reason: localized(reason.fr, reason.en) };
      const message = sentence(formatMessage(step.code, details, i.lang));
      const csrf = await flow.csrfToken(i.ctx);
      return sendHtml(
        reply,
        403,
        renderRefusedPage(i.pc, { csrf, message, code: step.code, contact: step.contact }),
        i.lang,
      );
    }
    case "finish": {
      const exchange = { req: request.raw, res: reply.raw };
      const { redirectTo } = await flow.finishSignIn(i.ctx, exchange, step.result);
      return reply.redirect(redirectTo, 303);
    }
  }
}
