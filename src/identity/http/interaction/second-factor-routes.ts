import { isIP } from "node:net";
import type { ZodFastifyInstance } from "../../../platform/http/app-deps.ts";
import type { InteractionPages } from "./interaction-pages.ts";
import { HIDDEN, uidRoute } from "./interaction-route-options.ts";
import { renderMfaChoicePage } from "./mfa-pages.ts";
import { sendHtml, withLang } from "./page-io.ts";
import { interactionPath } from "./sign-in-pages.ts";
import { registerTotpRoutes } from "./totp-routes.ts";
import { registerWebauthnRoutes } from "./webauthn-routes.ts";

/**
 * The second factor: `GET /interaction/:uid/mfa` sends a person with a factor to it (TOTP first),
 * and offers the others the choice of one to enrol (trust on first use; a security key only when
 * Entente is reached by a domain name). Then the TOTP and the WebAuthn pages.
 */
export function registerSecondFactorRoutes(app: ZodFastifyInstance, pages: InteractionPages): void {
  const { flow, page } = pages;
  app.get(
    uidRoute("/mfa"),
    HIDDEN,
    page(async (_request, reply, i) => {
      const { enrolled } = await flow.secondFactorPage(i.ctx);
      if (enrolled.includes("totp"))
        return reply.redirect(withLang(interactionPath(i.pc.uid, "/mfa/totp"), i.lang), 303);
      if (enrolled.includes("webauthn"))
        return reply.redirect(withLang(interactionPath(i.pc.uid, "/mfa/webauthn"), i.lang), 303);
      const webauthnAvailable = !isIpAddress(new URL(pages.publicUrl).hostname);
      const view = { csrf: await flow.csrfToken(i.ctx), webauthnAvailable };
      return sendHtml(reply, 200, renderMfaChoicePage(i.pc, view), i.lang);
    }),
  );
  registerTotpRoutes(app, pages);
  registerWebauthnRoutes(app, pages);
}

/** WebAuthn's relying-party id must be a domain name: browsers refuse an IP address (WebAuthn L3 §5.1.3). */
function isIpAddress(hostname: string): boolean {
  return isIP(hostname.replace(/^\[|\]$/g, "")) !== 0;
}
