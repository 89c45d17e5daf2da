import formbody from "@fastify/formbody";
import type { RouteRegistrar } from "../../../platform/http/app-deps.ts";
import type { InteractionGateway } from "../../app/ports.ts";
import type { SignInFlow } from "../../app/sign-in-flow.ts";
import { registerAffiliationRoutes } from "./affiliation-routes.ts";
import { registerInteractionAssets } from "./interaction-assets.ts";
import { createInteractionPages } from "./interaction-pages.ts";
import { SAML_LIMIT_BYTES } from "./interaction-route-options.ts";
import { registerPasswordRoutes } from "./password-routes.ts";
import { registerSecondFactorRoutes } from "./second-factor-routes.ts";
import { registerStartRoutes } from "./start-routes.ts";
import { registerUpstreamRoutes } from "./upstream-routes.ts";

/** What the sign-in pages need from the composition root. */
export interface InteractionRoutesDeps {
  /** The use cases (`createSignInFlow`). */
  readonly flow: SignInFlow;
  /** The OpenID Provider's interaction API (checks the interaction belongs to the browser). */
  readonly gateway: InteractionGateway;
  /** Entente's public URL: the way back when no interaction is left (the portal). */
  readonly publicUrl: string;
}

/**
 * The sign-in pages at `/interaction/:uid/…` (server-rendered HTML, French first, `?lang=en`),
 * one registrar per page or step: the start page, the password page, the upstream redirect and
 * callbacks, the organisation chooser and the way back, the second factor; and the assets under
 * `/interaction/assets/`. See `createInteractionPages` for what every page does first.
 */
export function createInteractionRoutes(deps: InteractionRoutesDeps): RouteRegistrar {
  return async (app) => {
    await app.register(formbody, { bodyLimit: SAML_LIMIT_BYTES });
    await registerInteractionAssets(app);
    const pages = createInteractionPages(deps);
    registerStartRoutes(app, pages);
    registerPasswordRoutes(app, pages);
    registerUpstreamRoutes(app, pages);
    registerAffiliationRoutes(app, pages);
    registerSecondFactorRoutes(app, pages);
  };
}
