// The composition of Entente's contexts on an open database, through their doors: console
// access, finance and (async, for the server) the identity federation. src/main.ts runs it, and
// so do src/cli.ts, the API tests and the benchmarks, so that every one of them is wired alike.
import {
  type AccessCliDeps,
  type AccessOptions,
  type ComposedAccess,
  composeAccess,
  composeAccessCli,
  createDemoAccounts,
  type DemoAccount,
  type EntenteReferences,
  type PasswordHasher,
} from "./access/index.ts";
import {
  type ComposedFinance,
  checkEntenteReferences,
  composeFinance,
  composeFinanceCli,
  type Entente,
  type FinanceCliDeps,
  importExampleOnce,
} from "./finance/index.ts";
import { alignPortalClientOn, composeIdentityCli, type IdentityCliDeps } from "./identity/index.ts";
import type { OpenDatabase } from "./platform/db/open-database.ts";
import type { RouteRegistrar, ServerPlugin } from "./platform/http/app-deps.ts";
import {
  type ComposedProvisioning,
  composeProvisioning,
  composeProvisioningCli,
  type ProvisioningCliDeps,
} from "./provisioning/index.ts";
import {
  composeWorkplaceCli,
  composeWorkplaceForFinance,
  portalClientsOn,
  type WorkplaceCliDeps,
} from "./workplace/index.ts";

export interface ComposedConsole {
  readonly access: ComposedAccess;
  readonly finance: ComposedFinance;
  readonly provisioning: ComposedProvisioning;
  /** Every route of the console's API, in registration order. */
  readonly registerRoutes: readonly RouteRegistrar[];
  /** Root plugins (the web sessions), registered before the routes. */
  readonly plugins: readonly ServerPlugin[];
}

/** Console access, finance and provisioning (the members' SCIM endpoints) on `database`: the web console's whole API. */
export function composeConsole(
  database: OpenDatabase,
  options: AccessOptions & { readonly sharedMailDomains?: readonly string[] },
): ComposedConsole {
  const access = composeAccess(database, options);
  // Finance reads the workplace's usage (usage keys) and subscriptions (membership changes) through its ports.
  const finance = composeFinance(database, { now: options.now, ...composeWorkplaceForFinance(database) });
  const provisioning = composeProvisioning(database, {
    now: options.now,
    sharedMailDomains: options.sharedMailDomains ?? [],
  });
  return {
    access,
    finance,
    provisioning,
    registerRoutes: [...access.registerRoutes, ...finance.registerRoutes, ...provisioning.registerRoutes],
    plugins: access.plugins,
  };
}

/**
 * First start: imports the example entente under `ententeId` and creates one demo account per
 * role (all with `password`). Does nothing when an entente already exists, so that a second
 * start on the same data keeps it and imports nothing twice.
 * @returns the accounts created (empty when nothing was done).
 */
export async function seedExample(
  composed: ComposedConsole,
  ententeId: string,
  entente: Entente,
  password: string,
): Promise<DemoAccount[]> {
  if (!(await importExampleOnce(composed.finance.deps, ententeId, entente))) return [];
  const first = entente.missions[0];
  return createDemoAccounts(
    composed.access.deps,
    {
      id: ententeId,
      members: entente.members,
      firstMission: first === undefined ? null : { id: first.id, name: first.name },
    },
    password,
  );
}

/** What the command line's commands need, per context (src/cli.ts). */
export interface ComposedCli {
  readonly finance: FinanceCliDeps;
  readonly access: AccessCliDeps;
  readonly identity: IdentityCliDeps;
  readonly provisioning: ProvisioningCliDeps;
  readonly workplace: WorkplaceCliDeps;
}

/** Every context's command-line dependencies on `database`, wired to each other through their doors. */
export function composeCli(
  database: OpenDatabase,
  options: {
    readonly hasher: PasswordHasher;
    readonly now: () => Date;
    /** STATUS_PROBE_PRIVATE_NETWORKS (default false). */
    readonly probePrivateNetworks?: boolean;
  },
): ComposedCli {
  const finance = composeFinanceCli(database, { ...composeWorkplaceForFinance(database), now: options.now });
  const references: EntenteReferences = {
    check: (ententeId, refs) => checkEntenteReferences(finance.ententes, ententeId, refs),
  };
  return {
    finance,
    access: composeAccessCli(database, { ...options, references }),
    identity: composeIdentityCli(database, { ententeExists: (id) => finance.ententes.hasEntente(id) }),
    provisioning: composeProvisioningCli(database, {
      now: options.now,
      ententeExists: (id) => finance.ententes.hasEntente(id),
    }),
    workplace: composeWorkplaceCli(database, {
      now: options.now,
      probePrivateNetworks: options.probePrivateNetworks ?? false,
    }),
  };
}

/**
 * At each start of the server, once its public URL is known: every entente's portal client (the
 * workplace names them) gets the redirect, post-logout and back-channel URIs of that URL
 * (identity writes them, audited), so that a changed PUBLIC_URL — or a new port — does not leave
 * the portal registered at an earlier address. @returns the ententes whose client changed.
 */
export async function alignPortalAddresses(database: OpenDatabase, publicUrl: string): Promise<string[]> {
  const changed: string[] = [];
  for (const { ententeId, clientId } of await portalClientsOn(database)) {
    if (await alignPortalClientOn(database, ententeId, clientId, publicUrl)) changed.push(ententeId);
  }
  return changed;
}
