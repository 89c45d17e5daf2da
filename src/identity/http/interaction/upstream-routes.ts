import type { FastifyReply, FastifyRequest } from "fastify";
import type { ZodFastifyInstance } from "../../../platform/http/app-deps.ts";
import type { RedirectKind } from "../../app/sign-in/sign-in-step.ts";
import type { InteractionPages } from "./interaction-pages.ts";
import { HIDDEN, SAML_LIMIT_BYTES, uidRoute } from "./interaction-route-options.ts";
import { fieldsOf, langOf } from "./page-io.ts";
import { interactionPath } from "./sign-in-pages.ts";

/**
 * (3) The redirect sources: out to the IdP (`GET /interaction/:uid/upstream`), back through the
 * callbacks `/interaction/callback/oidc/:sourceId` (GET) and `/interaction/callback/saml/:sourceId`
 * (POST, cross-site: no cookie needed), then 303 to `/interaction/:uid/continue` where the
 * browser's cookie is sent again.
 */
export function registerUpstreamRoutes(app: ZodFastifyInstance, pages: InteractionPages): void {
  const { flow, page, respond, sendError } = pages;
  app.get(
    uidRoute("/upstream"),
    HIDDEN,
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
  app.get("/interaction/callback/oidc/:sourceId", HIDDEN, callback("oidc"));
  app.post(
    "/interaction/callback/saml/:sourceId",
    { ...HIDDEN, bodyLimit: SAML_LIMIT_BYTES },
    callback("saml"),
  );

  app.get(
    uidRoute("/continue"),
    HIDDEN,
    page(async (request, reply, i) => respond(request, reply, i, await flow.continueAfterUpstream(i.ctx))),
  );
}
