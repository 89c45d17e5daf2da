import { z } from "zod";
import type { RouteRegistrar } from "../../../platform/http/app-deps.ts";
import type { IdpInitiatedLogout } from "../../app/idp-initiated-logout.ts";
import { UPSTREAM_LOGOUT_RETURN_PATH, type UpstreamLogout } from "../../app/upstream-logout.ts";
import { langOf, sendHtml } from "./page-io.ts";
import { renderUpstreamLogoutPage } from "./provider-pages.ts";

/** Our SAML SingleLogoutService (HTTP-Redirect binding), one per SAML source. */
export const SAML_SLO_ROUTE = "/interaction/saml/:sourceId/slo";

const sloQuery = z
  .object({
    SAMLResponse: z.string().max(100_000).optional(),
    SAMLRequest: z.string().max(100_000).optional(),
    RelayState: z.string().max(128).optional(),
    SigAlg: z.string().max(200).optional(),
    Signature: z.string().max(2000).optional(),
  })
  .passthrough();

/**
 * `GET /interaction/logout/return?state=…`: where the member's IdP sends the browser back after
 * its logout (RP-Initiated Logout 1.0 §3, `post_logout_redirect_uri`; register this URL at the
 * IdP), and where a logout that could not reach the IdP lands: the page says what was ended.
 *
 * `GET /interaction/saml/:sourceId/slo?SAMLResponse=…&RelayState=…&SigAlg=…&Signature=…`: the
 * SAML IdP's LogoutResponse (SAML Bindings §3.4, HTTP-Redirect), checked by `finishSaml`; the
 * same page says whether the IdP ended its session; 400 when the answer is refused or matches no
 * logout in progress (used, expired: no answer in time). An IdP-initiated LogoutRequest
 * (`SAMLRequest`) goes to `idpInitiated`: 303 to the IdP with our signed LogoutResponse, or 400
 * with the "no logout in progress" page when it is refused.
 */
export function createUpstreamLogoutRoutes(
  logout: UpstreamLogout,
  idpInitiated?: IdpInitiatedLogout,
): RouteRegistrar {
  return async (app) => {
    app.get(
      UPSTREAM_LOGOUT_RETURN_PATH,
      {
        schema: {
          hide: true,
          querystring: z.object({ state: z.string().max(128).optional() }).passthrough(),
        },
      },
      async (request, reply) => {
        const state = (request.query as { state?: string }).state;
        const outcome = state === undefined || state === "" ? null : await logout.outcomeOf(state);
        return sendHtml(reply, 200, renderUpstreamLogoutPage(langOf(request), outcome), langOf(request));
      },
    );
    app.get(
      SAML_SLO_ROUTE,
      {
        schema: {
          hide: true,
          params: z.object({ sourceId: z.string().min(1).max(128) }),
          querystring: sloQuery,
        },
      },
      async (request, reply) => {
        const { sourceId } = request.params as { sourceId: string };
        const query = request.query as Record<string, string>;
        // The Redirect binding signs the query string as sent: the raw one is checked, not a re-encoding.
        const rawQuery = request.raw.url?.split("?")[1] ?? "";
        if (query.SAMLRequest !== undefined && idpInitiated !== undefined) {
          const answer = await idpInitiated(sourceId, { query, rawQuery });
          if (answer !== null) return reply.code(303).header("cache-control", "no-store").redirect(answer);
          return sendHtml(reply, 400, renderUpstreamLogoutPage(langOf(request), null), langOf(request));
        }
        const outcome =
          query.SAMLResponse === undefined ? null : await logout.finishSaml(sourceId, { query, rawQuery });
        const status = outcome === null || outcome.status === "refused" ? 400 : 200;
        return sendHtml(reply, status, renderUpstreamLogoutPage(langOf(request), outcome), langOf(request));
      },
    );
  };
}
