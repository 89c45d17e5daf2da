// The door of the identity context (pillar 2, the identity federation): what other contexts and
// the composition may use. Nothing else of src/identity is imported from outside it.
// The provider's composition is loaded when it is called (it brings oidc-provider, the LDAP, OIDC
// and SAML clients): the command line imports this door without paying for it.
import type { OpenDatabase } from "../platform/db/open-database.ts";
import type { DemoAccountOfExample, ExampleEntente, SeededIdentity } from "./app/seed-identity-example.ts";
import type { ComposedIdentity, IdentityOptions } from "./compose.ts";

export { DEMO_SERVICE_URL, type SeededIdentity } from "./app/seed-identity-example.ts";
export type { ExternalAccessDecision, ServiceAccessPolicy } from "./app/service-access-port.ts";
export { type IdentityCliDeps, registerIdentityCommands } from "./cli/commands.ts";
export type { ComposedIdentity, IdentityOptions } from "./compose.ts";
export { composeIdentityCli } from "./compose-cli.ts";
export type { IdentitySourceTable, PersonAffiliationTable, ServiceClientTable } from "./db/tables.ts";
export { loadSamlSpSigning } from "./saml-sp-signing.ts";

/** The identity federation on `database` (see `composeIdentity` in ./compose.ts). */
export async function composeIdentity(
  database: OpenDatabase,
  options: IdentityOptions,
): Promise<ComposedIdentity> {
  const composition = await import("./compose.ts");
  return composition.composeIdentity(database, options);
}

/**
 * Loads the provider's composition (oidc-provider, the LDAP, OIDC and SAML clients) without
 * composing anything: the server calls it while its database starts, so that `composeIdentity`
 * finds the modules loaded.
 */
export async function preloadIdentity(): Promise<void> {
  await import("./compose.ts");
}

/** The first start's identity set-up of the example (see `seedIdentityExampleOn` in ./compose.ts). */
export async function seedIdentityExampleOn(
  database: OpenDatabase,
  options: { readonly now: () => Date },
  ententeId: string,
  entente: ExampleEntente,
  accounts: readonly DemoAccountOfExample[],
): Promise<SeededIdentity | null> {
  const composition = await import("./compose.ts");
  return composition.seedIdentityExampleOn(database, options, ententeId, entente, accounts);
}
/** The first start's portal client (see `seedPortalClientOn` in ./compose.ts): its client id. */
export async function seedPortalClientOn(
  database: OpenDatabase,
  ententeId: string,
  publicUrl: string,
): Promise<{ readonly clientId: string }> {
  const composition = await import("./compose.ts");
  return composition.seedPortalClientOn(database, ententeId, publicUrl);
}
/** At each start, the portal's client follows the public URL (see `alignPortalClientOn` in ./compose-portal.ts). */
export async function alignPortalClientOn(
  database: OpenDatabase,
  ententeId: string,
  clientId: string,
  publicUrl: string,
): Promise<boolean> {
  const composition = await import("./compose-portal.ts");
  return composition.alignPortalClientOn(database, ententeId, clientId, publicUrl);
}
export {
  composeIdentityForProvisioning,
  type ProvisionedPerson,
  type ProvisioningPivot,
} from "./compose-provisioning.ts";
