import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import type { IdentityAdminDeps } from "../app/admin/identity-admin-ports.ts";
import { registerAddressRoutes } from "./admin/address-routes.ts";
import { registerDomainRoutes } from "./admin/domain-routes.ts";
import { registerEventRoutes } from "./admin/event-routes.ts";
import { registerPersonRoutes } from "./admin/person-routes.ts";
import { registerResourceServerRoutes } from "./admin/resource-server-routes.ts";
import { registerServiceRoutes } from "./admin/service-routes.ts";
import { registerSourceRoutes } from "./admin/source-routes.ts";

/**
 * Administration of the identity federation (issue 4) under `/api/ententes/:id/identity`, one
 * file per resource (./admin/): identity sources of members, email domains, registered personal
 * addresses, persons of the pivot directory and their declared affiliations, services (relying
 * parties), resource servers, the sign-in log. The entente's secretariat writes; a member's finance officer reads
 * its own member's data; others get 403, another entente 404. Secrets are write-only.
 */
export function createIdentityAdminRoutes(deps: IdentityAdminDeps): RouteRegistrar {
  return async (app) => {
    registerSourceRoutes(app, deps);
    registerDomainRoutes(app, deps);
    registerAddressRoutes(app, deps);
    registerPersonRoutes(app, deps);
    registerServiceRoutes(app, deps);
    registerResourceServerRoutes(app, deps);
    registerEventRoutes(app, deps);
  };
}
