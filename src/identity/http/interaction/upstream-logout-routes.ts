import { z } from "zod";
import type { RouteRegistrar } from "../../../platform/http/app-deps.ts";
import { UPSTREAM_LOGOUT_RETURN_PATH, type UpstreamLogout } from "../../app/upstream-logout.ts";
import { langOf, sendHtml } from "./page-io.ts";
import { renderUpstreamLogoutPage } from "./provider-pages.ts";

/**
 * `GET /interaction/logout/return?state=…`: where the member's IdP sends the browser back after
 * its logout (RP-Initiated Logout 1.0 §3, `post_logout_redirect_uri`; register this URL at the
 * IdP), and where a logout that could not reach the IdP lands: the page says what was ended.
 */
export function createUpstreamLogoutRoutes(logout: UpstreamLogout): RouteRegistrar {
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
  };
}
