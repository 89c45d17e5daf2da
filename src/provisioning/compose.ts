// Composition of the provisioning context on an open database: the SCIM server of every member,
// the secretariat's token routes, and (for the command line) the token commands.
import { randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { composeIdentityForProvisioning } from "../identity/index.ts";
import type { OpenDatabase } from "../platform/db/open-database.ts";
import type { RouteRegistrar } from "../platform/http/app-deps.ts";
import type { ScimDeps } from "./app/ports.ts";
import type { ScimTokenDeps } from "./app/scim-tokens.ts";
import type { ProvisioningCliDeps } from "./cli/commands.ts";
import { createScimStore } from "./db/scim-store.ts";
import { createScimTokenStore } from "./db/scim-token-store.ts";
import type { ProvisioningTables } from "./db/tables.ts";
import { createScimRoutes } from "./http/scim-routes.ts";
import { createScimTokenRoutes } from "./http/scim-token-routes.ts";

/** What provisioning is composed with: the clock (fixed in tests) and the id generator. */
export interface ProvisioningOptions {
  readonly now: () => Date;
  readonly newId?: () => string;
}

export interface ComposedProvisioning {
  readonly scim: ScimDeps;
  readonly tokens: ScimTokenDeps;
  readonly registerRoutes: readonly RouteRegistrar[];
}

/** Provisioning on `database`, talking to the pivot directory through identity's door. */
export function composeProvisioning(
  database: OpenDatabase,
  options: ProvisioningOptions,
): ComposedProvisioning {
  const db = database.db as Kysely<ProvisioningTables>;
  const pivot = composeIdentityForProvisioning(database, { now: options.now });
  const tokenStore = createScimTokenStore(db);
  const scim: ScimDeps = {
    store: createScimStore(db),
    pivot,
    now: options.now,
    newId: options.newId ?? randomUUID,
  };
  const tokens: ScimTokenDeps = {
    tokens: tokenStore,
    sourceOfMember: (ententeId, memberId, sourceId) => pivot.sourceOfMember(ententeId, memberId, sourceId),
    randomSecret: () => randomBytes(32).toString("base64url"),
    now: options.now,
  };
  return {
    scim,
    tokens,
    registerRoutes: [createScimRoutes({ ...scim, tokens: tokenStore }), createScimTokenRoutes(tokens)],
  };
}

/** The provisioning commands' dependencies on `database`. */
export function composeProvisioningCli(
  database: OpenDatabase,
  options: ProvisioningOptions,
): ProvisioningCliDeps {
  return { tokens: composeProvisioning(database, options).tokens };
}
