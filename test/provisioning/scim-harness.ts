import type { LightMyRequestResponse } from "fastify";
import { createIdentityAdminStore } from "../../src/identity/db/identity-admin-store.ts";
import { loadConfig } from "../../src/platform/config/load-config.ts";
import type { OpenDatabase } from "../../src/platform/db/open-database.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildApp } from "../../src/platform/http/build-app.ts";
import { issueScimToken } from "../../src/provisioning/app/scim-tokens.ts";
import {
  type ComposedProvisioning,
  composeProvisioning,
  type ProvisioningOptions,
} from "../../src/provisioning/index.ts";
import { ACTOR, importTwoEntentes, LDAP_SOURCE } from "../identity/directory-fixtures.ts";

/** The SCIM server of the Lyon example over HTTP (`inject`), with a token for two members. */
export interface ScimHarness {
  readonly app: ZodFastifyInstance;
  readonly provisioning: ComposedProvisioning;
  /** Bearer tokens: the Ville de Lyon's and the Métropole's. */
  readonly tokens: { readonly ville: string; readonly metropole: string };
  /** The Ville de Lyon's identity source (the persons its SCIM Users are). */
  readonly villeSourceId: string;
  readonly scim: (
    member: "ville-lyon" | "metropole",
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
}

export const VILLE = "/scim/v2/lyon/ville-lyon";
export const METROPOLE = "/scim/v2/lyon/metropole";

/**
 * Imports the example twice (`lyon`, `autre`), gives the Ville de Lyon and the Métropole an
 * identity source and a mail domain (`ville-lyon.test`, `metropole.test`) and a SCIM token each.
 */
export async function startScimHarness(
  database: OpenDatabase,
  now: () => Date,
  options: Omit<ProvisioningOptions, "now"> = {},
): Promise<ScimHarness> {
  await importTwoEntentes(database);
  const admin = createIdentityAdminStore(database.db);
  const ville = await admin.createSource("lyon", LDAP_SOURCE, ACTOR);
  const metropole = await admin.createSource("lyon", { ...LDAP_SOURCE, memberId: "metropole" }, ACTOR);
  await admin.addDomain(
    "lyon",
    { domain: "ville-lyon.test", memberId: "ville-lyon", sourceId: ville.id },
    ACTOR,
  );
  await admin.addDomain(
    "lyon",
    { domain: "metropole.test", memberId: "metropole", sourceId: metropole.id },
    ACTOR,
  );
  const provisioning = composeProvisioning(database, { ...options, now });
  const tokens = {
    ville: await issueScimToken(
      provisioning.tokens,
      null,
      { ententeId: "lyon", memberId: "ville-lyon", sourceId: ville.id },
      "test",
    ),
    metropole: await issueScimToken(
      provisioning.tokens,
      null,
      { ententeId: "lyon", memberId: "metropole", sourceId: metropole.id },
      "test",
    ),
  };
  const config = loadConfig(
    { NODE_ENV: "test", LOG_LEVEL: "silent" },
    { generateSecret: () => "test-secret-test-secret-test-secret-43chars" },
  );
  const app = await buildApp({ version: "test", now, registerRoutes: provisioning.registerRoutes }, config);
  const scim: ScimHarness["scim"] = (member, method, path, body, headers = {}) =>
    app.inject({
      method,
      url: `${member === "ville-lyon" ? VILLE : METROPOLE}${path}`,
      headers: {
        authorization: `Bearer ${member === "ville-lyon" ? tokens.ville : tokens.metropole}`,
        ...(body === undefined ? {} : { "content-type": "application/scim+json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  return { app, provisioning, tokens, villeSourceId: ville.id, scim };
}

/** The JSON body of a SCIM answer. */
export const json = (response: LightMyRequestResponse) =>
  response.json() as Record<string, unknown> & { Resources?: Record<string, unknown>[] };

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/** A User as Microsoft Entra ID's provisioning service creates it (its documented request shape). */
export function entraUser(local: string, externalId: string, domain = "ville-lyon.test") {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE],
    externalId,
    userName: `${local}@${domain}`,
    active: true,
    displayName: local,
    emails: [{ primary: true, type: "work", value: `${local}@${domain}` }],
    meta: { resourceType: "User" },
    name: { formatted: local, familyName: "Martin", givenName: "Jeanne" },
    roles: [],
    [ENTERPRISE]: { department: "Direction du numérique", employeeNumber: "E-42" },
  };
}

/** A User as Okta creates it (string `active` is Entra's; Okta sends booleans, and `password` we ignore). */
export function oktaUser(local: string, domain = "ville-lyon.test") {
  return {
    schemas: [USER_SCHEMA],
    userName: `${local}@${domain}`,
    name: { givenName: "Paul", familyName: "Durand" },
    emails: [{ primary: true, value: `${local}@${domain}`, type: "work" }],
    displayName: "Paul Durand",
    locale: "fr-FR",
    externalId: `okta-${local}`,
    groups: [],
    password: "ignored-by-entente",
    active: true,
  };
}
