import type { FastifyReply } from "fastify";
import type { ZodFastifyInstance } from "../../../platform/http/app-deps.ts";
import { type EntenteError, statusOf } from "../../errors.ts";
import type { Interaction, InteractionPages } from "./interaction-pages.ts";
import { FORM, HIDDEN, uidRoute } from "./interaction-route-options.ts";
import { isOneOf, pageError, sendHtml } from "./page-io.ts";
import { renderPasswordPage } from "./sign-in-pages.ts";

/**
 * (3) The password page of an LDAP or local source: `GET`/`POST /interaction/:uid/password`. A
 * wrong password or too many attempts show the page again with the login kept, never the password.
 */
export function registerPasswordRoutes(app: ZodFastifyInstance, pages: InteractionPages): void {
  const { flow, page, respond } = pages;
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
    HIDDEN,
    page(async (_request, reply, i) => passwordPage(reply, i, null, null)),
  );

  app.post(
    uidRoute("/password"),
    FORM,
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
}
