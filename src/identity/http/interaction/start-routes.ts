import type { FastifyReply } from "fastify";
import type { ZodFastifyInstance } from "../../../platform/http/app-deps.ts";
import { type EntenteError, statusOf } from "../../errors.ts";
import type { Interaction, InteractionPages } from "./interaction-pages.ts";
import { FORM, HIDDEN, uidRoute } from "./interaction-route-options.ts";
import { isOneOf, pageError, sendHtml } from "./page-io.ts";
import { renderStartPage } from "./sign-in-pages.ts";

/**
 * (1)(2) The start page: `GET /interaction/:uid` (single sign-on, or the email field and the
 * organisation list), `POST …/email`, `POST …/organisation`. A mistake the person can fix is shown
 * on the start page again, next to its field.
 */
export function registerStartRoutes(app: ZodFastifyInstance, pages: InteractionPages): void {
  const { flow, page, respond } = pages;
  const startPageWithError = async (
    reply: FastifyReply,
    i: Interaction,
    error: EntenteError,
    field: string,
    email: string | null,
  ) => {
    const view = {
      csrf: await flow.csrfToken(i.ctx),
      organisations: await flow.listOrganisations(i.ctx),
      email,
      error: pageError(error, i.lang, i.pc.requestId, [field]),
    };
    return sendHtml(reply, statusOf(error.code), renderStartPage(i.pc, view), i.lang);
  };

  app.get(
    uidRoute(""),
    HIDDEN,
    page(async (request, reply, i) => respond(request, reply, i, await flow.begin(i.ctx))),
  );

  app.post(
    uidRoute("/email"),
    FORM,
    page(async (request, reply, i) => {
      const email = i.fields.email ?? "";
      try {
        return await respond(request, reply, i, await flow.submitEmail(i.ctx, email));
      } catch (error) {
        if (isOneOf(error, "identity.email_invalid", "identity.domain_unknown", "identity.source_disabled")) {
          return startPageWithError(reply, i, error, "email", email);
        }
        throw error;
      }
    }),
  );

  app.post(
    uidRoute("/organisation"),
    FORM,
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
}
