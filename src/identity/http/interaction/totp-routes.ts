import type { FastifyReply } from "fastify";
import QRCode from "qrcode";
import type { ZodFastifyInstance } from "../../../platform/http/app-deps.ts";
import { type EntenteError, statusOf } from "../../errors.ts";
import type { Interaction, InteractionPages } from "./interaction-pages.ts";
import { FORM, HIDDEN, uidRoute } from "./interaction-route-options.ts";
import { renderTotpEnrolPage, renderTotpVerifyPage } from "./mfa-pages.ts";
import { isOneOf, pageError, sendHtml } from "./page-io.ts";

/**
 * TOTP pages: enrolment (`/interaction/:uid/mfa/totp/enrol`: the QR code and the secret, then the
 * first code) and a code of an enrolled app (`…/mfa/totp`). A wrong code or too many attempts
 * show the page again.
 */
export function registerTotpRoutes(app: ZodFastifyInstance, pages: InteractionPages): void {
  const { flow, page, respond } = pages;
  const status = (error: EntenteError | null) => (error === null ? 200 : statusOf(error.code));
  const codeError = (i: Interaction, error: EntenteError | null) =>
    error === null ? null : pageError(error, i.lang, i.pc.requestId, ["code"]);

  const enrolPage = async (reply: FastifyReply, i: Interaction, error: EntenteError | null) => {
    const { secret, otpauthUri } = await flow.totpEnrolment(i.ctx);
    const qrSvg = await QRCode.toString(otpauthUri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
    const view = { csrf: await flow.csrfToken(i.ctx), qrSvg, secret, error: codeError(i, error) };
    return sendHtml(reply, status(error), renderTotpEnrolPage(i.pc, view), i.lang);
  };
  const verifyPage = async (reply: FastifyReply, i: Interaction, error: EntenteError | null) => {
    const { enrolled } = await flow.secondFactorPage(i.ctx);
    const view = { csrf: await flow.csrfToken(i.ctx), enrolled, error: codeError(i, error) };
    return sendHtml(reply, status(error), renderTotpVerifyPage(i.pc, view), i.lang);
  };

  app.get(
    uidRoute("/mfa/totp/enrol"),
    HIDDEN,
    page(async (_request, reply, i) => enrolPage(reply, i, null)),
  );
  app.post(
    uidRoute("/mfa/totp/enrol"),
    FORM,
    page(async (request, reply, i) => {
      try {
        return await respond(request, reply, i, await flow.confirmTotpEnrolment(i.ctx, i.fields.code ?? ""));
      } catch (error) {
        if (isOneOf(error, "identity.mfa_invalid", "identity.too_many_attempts"))
          return enrolPage(reply, i, error);
        throw error;
      }
    }),
  );

  app.get(
    uidRoute("/mfa/totp"),
    HIDDEN,
    page(async (_request, reply, i) => verifyPage(reply, i, null)),
  );
  app.post(
    uidRoute("/mfa/totp"),
    FORM,
    page(async (request, reply, i) => {
      try {
        return await respond(request, reply, i, await flow.verifyTotp(i.ctx, i.fields.code ?? ""));
      } catch (error) {
        if (isOneOf(error, "identity.mfa_invalid", "identity.too_many_attempts"))
          return verifyPage(reply, i, error);
        throw error;
      }
    }),
  );
}
