import type { ZodFastifyInstance } from "../../../platform/http/app-deps.ts";
import type { InteractionPages } from "./interaction-pages.ts";
import { FORM, HIDDEN, uidRoute } from "./interaction-route-options.ts";
import { sendHtml } from "./page-io.ts";
import { renderAffiliationPage } from "./sign-in-pages.ts";

/**
 * (4) The organisation chooser (`GET /interaction/:uid/organisation`, `POST …/organisation/choice`)
 * and the way back to the service (`POST …/abort`: the interaction ends with `access_denied`).
 */
export function registerAffiliationRoutes(app: ZodFastifyInstance, pages: InteractionPages): void {
  const { flow, page, respond } = pages;
  app.get(
    uidRoute("/organisation"),
    HIDDEN,
    page(async (_request, reply, i) => {
      const view = {
        csrf: await flow.csrfToken(i.ctx),
        choices: await flow.affiliationChoices(i.ctx),
        error: null,
      };
      return sendHtml(reply, 200, renderAffiliationPage(i.pc, view), i.lang);
    }),
  );
  app.post(
    uidRoute("/organisation/choice"),
    FORM,
    page(async (request, reply, i) =>
      respond(request, reply, i, await flow.chooseAffiliation(i.ctx, i.fields.memberId ?? "")),
    ),
  );
  app.post(
    uidRoute("/abort"),
    FORM,
    page(async (request, reply, i) => {
      const { redirectTo } = await flow.abandon(i.ctx, { req: request.raw, res: reply.raw });
      return reply.redirect(redirectTo, 303);
    }),
  );
}
