import type { FastifyReply } from "fastify";
import type { ZodFastifyInstance } from "../../../platform/http/app-deps.ts";
import { type EntenteError, statusOf } from "../../errors.ts";
import type { Interaction, InteractionPages } from "./interaction-pages.ts";
import { FORM, HIDDEN, uidRoute } from "./interaction-route-options.ts";
import { renderWebauthnPage } from "./mfa-pages.ts";
import { isOneOf, pageError, sendHtml } from "./page-io.ts";

type Mode = "register" | "authenticate";

/** The authenticator's answer as the page's script posts it (JSON); anything else is refused by the check. */
function parseResponse(value: string | undefined): unknown {
  try {
    return JSON.parse(value ?? "");
  } catch {
    return null; // not JSON: the WebAuthn check refuses null, the page shows identity.mfa_invalid
  }
}

/**
 * WebAuthn pages: registering a security key (`/interaction/:uid/mfa/webauthn/register`,
 * enrolment) and signing with one (`…/mfa/webauthn`). GET sends the options (a new challenge),
 * POST the authenticator's answer; a refused answer shows the page again with new options.
 */
export function registerWebauthnRoutes(app: ZodFastifyInstance, pages: InteractionPages): void {
  const { flow, page, respond } = pages;
  const webauthnPage = async (
    reply: FastifyReply,
    i: Interaction,
    mode: Mode,
    error: EntenteError | null,
  ) => {
    const options =
      mode === "register" ? await flow.webauthnRegistration(i.ctx) : await flow.webauthnAuthentication(i.ctx);
    const { enrolled } = await flow.secondFactorPage(i.ctx);
    const view = {
      mode,
      csrf: await flow.csrfToken(i.ctx),
      options,
      enrolled,
      error: error === null ? null : pageError(error, i.lang, i.pc.requestId, []),
    };
    return sendHtml(
      reply,
      error === null ? 200 : statusOf(error.code),
      renderWebauthnPage(i.pc, view),
      i.lang,
    );
  };
  const answer = (i: Interaction, mode: Mode, response: unknown) =>
    mode === "register"
      ? flow.registerWebauthn(i.ctx, response, i.fields.label ?? "")
      : flow.verifyWebauthn(i.ctx, response);

  for (const mode of ["register", "authenticate"] as const) {
    const path = uidRoute(mode === "register" ? "/mfa/webauthn/register" : "/mfa/webauthn");
    app.get(
      path,
      HIDDEN,
      page(async (_request, reply, i) => webauthnPage(reply, i, mode, null)),
    );
    app.post(
      path,
      FORM,
      page(async (request, reply, i) => {
        const response = parseResponse(i.fields.response);
        try {
          return await respond(request, reply, i, await answer(i, mode, response));
        } catch (error) {
          if (isOneOf(error, "identity.mfa_invalid", "identity.too_many_attempts"))
            return webauthnPage(reply, i, mode, error);
          throw error;
        }
      }),
    );
  }
}
