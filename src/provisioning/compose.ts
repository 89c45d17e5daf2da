// Composition of the provisioning context on an open database: the SCIM server of every member,
// the secretariat's token routes, and (for the command line) the token commands.
import { randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { composeIdentityForProvisioning } from "../identity/index.ts";
import type { OpenDatabase } from "../platform/db/open-database.ts";
import type { RouteRegistrar } from "../platform/http/app-deps.ts";
import { composeWorkplaceForProvisioning } from "../workplace/index.ts";
import type { ConnectorKind } from "./app/connector.ts";
import type { EngineDeps } from "./app/deliver-due-events.ts";
import type { DeliveryAdminDeps } from "./app/delivery-admin.ts";
import { type DeliveryWorker, startDeliveryWorker } from "./app/delivery-worker.ts";
import { startErasureScheduler } from "./app/erasure-scheduler.ts";
import type { HubSessions, HubSessionsSlot } from "./app/hub-sessions.ts";
import type { MailMigrationDeps } from "./app/mail-migration.ts";
import type { ScimDeps } from "./app/ports.ts";
import type { ResyncDeps } from "./app/resync.ts";
import type { ResyncJobDeps } from "./app/resync-job.ts";
import { createResyncRunner, type ResyncRunner } from "./app/resync-runner.ts";
import type { RetentionDeps } from "./app/retention.ts";
import type { ScimTokenDeps } from "./app/scim-tokens.ts";
import {
  recordSubscriptionChange,
  type SubscriptionChange,
  type SubscriptionEventDeps,
} from "./app/subscription-events.ts";
import { type BoundaryDeps, startSubscriptionScheduler } from "./app/subscription-scheduler.ts";
import type { ProvisioningCliDeps } from "./cli/commands.ts";
import { ejabberdKind } from "./connectors/ejabberd-connector.ts";
import {
  createMailKind,
  mailboxesOf,
  mailKind,
  signedInOf,
  storageUsedOf,
} from "./connectors/mail-connector.ts";
import { scimClientKind } from "./connectors/scim-client-connector.ts";
import { createConnectorStore } from "./db/connector-store.ts";
import { createDeliveryStore } from "./db/delivery-store.ts";
import { createErasureStore } from "./db/erasure-store.ts";
import { createMemberAccountReader } from "./db/member-accounts.ts";
import { createResyncJobStore } from "./db/resync-job-store.ts";
import { createResyncStore } from "./db/resync-store.ts";
import { createScimStore } from "./db/scim-store.ts";
import { createScimTokenStore } from "./db/scim-token-store.ts";
import { createServiceAccessStore } from "./db/service-access-store.ts";
import type { ProvisioningTables } from "./db/tables.ts";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./domain/retry-policy.ts";
import { createMailMigrationRoutes } from "./http/mail-migration-routes.ts";
import { createProvisioningAdminRoutes } from "./http/provisioning-admin-routes.ts";
import { createResyncRoutes } from "./http/resync-routes.ts";
import { createRetentionRoutes } from "./http/retention-routes.ts";
import { createScimRoutes } from "./http/scim-routes.ts";
import { createScimTokenRoutes } from "./http/scim-token-routes.ts";

/** What provisioning is composed with: the clock (fixed in tests) and the id generator. */
export interface ProvisioningOptions {
  readonly now: () => Date;
  readonly newId?: () => string;
  /** The kinds of connectors beyond the built-in ones (tests add their own). */
  readonly extraKinds?: readonly ConnectorKind[];
  readonly retry?: RetryPolicy;
  /** Consumer mail domains beyond the built-in list (`IDENTITY_SHARED_MAIL_DOMAINS`): no member owns them. */
  readonly sharedMailDomains?: readonly string[];
  /** Told when ending a deprovisioned person's hub sessions failed (default: standard error). */
  readonly onSessionError?: (error: unknown) => void;
}

export interface ComposedProvisioning {
  readonly scim: ScimDeps;
  readonly tokens: ScimTokenDeps;
  readonly engine: EngineDeps;
  readonly admin: DeliveryAdminDeps;
  readonly mailMigration: MailMigrationDeps;
  readonly retention: RetentionDeps;
  readonly resync: ResyncDeps;
  /** The subscription scheduler's dependencies (its boundaries, run by `startWorker`, or once by tests). */
  readonly boundaries: BoundaryDeps;
  /** The resync jobs (progress, stop, resume) and this node's runner of them. */
  readonly resyncJobs: ResyncJobDeps;
  readonly resyncRunner: ResyncRunner;
  readonly registerRoutes: readonly RouteRegistrar[];
  /** Starts this node's delivery loop (the server does; the CLI delivers on demand). */
  /**
   * Registers identity's sessions (`ComposedIdentity.sessions`, the server does once identity is
   * composed): from then on a person suspended or deleted by SCIM loses its hub sessions.
   */
  /**
   * What the workplace tells when a member's subscription starts or ends (`composeWorkplace`'s
   * `subscriptionListener`, src/main.ts): events for the member's persons on the service's connectors.
   */
  readonly subscriptionListener: {
    subscriptionChanged(change: SubscriptionChange): Promise<number>;
    readonly onError: (error: unknown) => void;
  };
  readonly registerHubSessions: (sessions: HubSessions) => void;
  readonly startWorker: (options: {
    readonly intervalMs: number;
    readonly onError: (error: unknown) => void;
  }) => DeliveryWorker;
}

/** The connectors Entente ships, by kind. */
export const BUILT_IN_KINDS: readonly ConnectorKind[] = [scimClientKind, ejabberdKind, mailKind];

/** Provisioning on `database`, talking to the pivot directory through identity's door. */
export function composeProvisioning(
  database: OpenDatabase,
  options: ProvisioningOptions,
): ComposedProvisioning {
  const db = database.db as Kysely<ProvisioningTables>;
  const pivot = composeIdentityForProvisioning(database, {
    now: options.now,
    sharedMailDomains: options.sharedMailDomains ?? [],
  });
  const tokenStore = createScimTokenStore(db);
  const sessions: HubSessionsSlot = {
    current: null,
    onError:
      options.onSessionError ??
      ((error) =>
        process.stderr.write(`provisioning: ${error instanceof Error ? error.message : String(error)}\n`)),
  };
  const workplace = composeWorkplaceForProvisioning(database);
  const scim: ScimDeps = {
    sessions,
    store: createScimStore(db),
    pivot,
    now: options.now,
    newId: options.newId ?? randomUUID,
    audiences: workplace,
  };
  const tokens: ScimTokenDeps = {
    tokens: tokenStore,
    sourceOfMember: (ententeId, memberId, sourceId) => pivot.sourceOfMember(ententeId, memberId, sourceId),
    randomSecret: () => randomBytes(32).toString("base64url"),
    now: options.now,
  };
  const retention: RetentionDeps = {
    erasures: createErasureStore(db),
    memberExists: async (ententeId, memberId) =>
      (await pivot.sourceOfMember(ententeId, memberId, "")) !== "no_member",
    now: options.now,
  };
  const { engine, admin, resync } = composeEngine(db, scim, options, mailKindOf(workplace));
  const { resyncJobs, resyncRunner } = composeResyncJobs(db, resync, options, sessions.onError);
  const mailMigration: MailMigrationDeps = {
    connectors: engine.connectors,
    kinds: engine.kinds,
    accounts: createMemberAccountReader(db),
    waveOf: async (ententeId, clientId, memberId) =>
      (await workplace.subscriptionOf(ententeId, clientId, memberId))?.wave ?? null,
    platform: { mailboxes: mailboxesOf, signedIn: signedInOf, storageUsed: storageUsedOf },
    now: options.now,
  };
  const { subscriptionEvents, boundaries } = composeSubscriptions(db, scim, workplace, retention);
  return {
    scim,
    tokens,
    engine,
    admin,
    registerRoutes: [
      createScimRoutes({ ...scim, tokens: tokenStore }),
      createScimTokenRoutes(tokens),
      createProvisioningAdminRoutes(admin),
      createMailMigrationRoutes(mailMigration),
      createRetentionRoutes(retention),
      createResyncRoutes(resync, { deps: resyncJobs, runner: resyncRunner }),
    ],
    mailMigration,
    retention,
    resync,
    boundaries,
    resyncJobs,
    resyncRunner,
    subscriptionListener: {
      subscriptionChanged: (change) => recordSubscriptionChange(subscriptionEvents, change),
      onError: sessions.onError,
    },
    registerHubSessions: (hub) => {
      sessions.current = hub;
    },
    startWorker: (worker) => startWorkers(engine, retention, boundaries, resyncRunner, worker),
  };
}

/** The accounts that follow the subscriptions: the listener's recomputation and the boundaries' scheduler. */
function composeSubscriptions(
  db: Kysely<ProvisioningTables>,
  scim: ScimDeps,
  workplace: ReturnType<typeof composeWorkplaceForProvisioning>,
  retention: RetentionDeps,
): { readonly subscriptionEvents: SubscriptionEventDeps; readonly boundaries: BoundaryDeps } {
  const subscriptionEvents: SubscriptionEventDeps = {
    store: scim.store,
    access: createServiceAccessStore(db),
    audiences: workplace,
    now: scim.now,
  };
  const boundaries = { ...subscriptionEvents, boundaries: workplace, leases: retention.erasures };
  return { subscriptionEvents, boundaries };
}

/** The delivery engine, its administration and the resync, on the same stores and kinds. */
function composeEngine(
  db: Kysely<ProvisioningTables>,
  scim: ScimDeps,
  options: ProvisioningOptions,
  mail: ConnectorKind,
) {
  const builtIn = BUILT_IN_KINDS.filter((k) => k.kind !== "mail");
  const kinds = new Map([...builtIn, mail, ...(options.extraKinds ?? [])].map((k) => [k.kind, k]));
  const deliveries = createDeliveryStore(db);
  const connectors = createConnectorStore(db);
  const { now } = options;
  const resync: ResyncDeps = {
    store: scim.store,
    resync: createResyncStore(db),
    connectors,
    kinds,
    now,
    ...(scim.audiences === undefined ? {} : { audiences: scim.audiences }),
  };
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const engine: EngineDeps = { deliveries, connectors, kinds, retry, now };
  const admin: DeliveryAdminDeps = { deliveries, connectors, kinds, now, newId: options.newId ?? randomUUID };
  return { engine, admin, resync };
}

/** The resync jobs on the resync's stores, and this node's runner of them. */
function composeResyncJobs(
  db: Kysely<ProvisioningTables>,
  resync: ResyncDeps,
  options: ProvisioningOptions,
  onError: (error: unknown) => void,
): { resyncJobs: ResyncJobDeps; resyncRunner: ResyncRunner } {
  const resyncJobs: ResyncJobDeps = {
    ...resync,
    jobs: createResyncJobStore(db),
    newId: options.newId ?? randomUUID,
  };
  return { resyncJobs, resyncRunner: createResyncRunner(resyncJobs, { holder: randomUUID(), onError }) };
}

/** The mail connector kind, whose mailboxes' quota is the member's subscription to the mail service when it sets one. */
function mailKindOf(workplace: ReturnType<typeof composeWorkplaceForProvisioning>): ConnectorKind {
  return createMailKind(async (ententeId, clientId, memberId) => {
    const bytes = (await workplace.subscriptionOf(ententeId, clientId, memberId))?.storagePerAccount ?? null;
    return bytes === null ? null : Number(bytes);
  });
}

/** The provisioning commands' dependencies on `database`. */
export function composeProvisioningCli(
  database: OpenDatabase,
  options: ProvisioningOptions & { readonly ententeExists: (ententeId: string) => Promise<boolean> },
): ProvisioningCliDeps {
  const composed = composeProvisioning(database, options);
  return {
    tokens: composed.tokens,
    engine: composed.engine,
    admin: composed.admin,
    mailMigration: composed.mailMigration,
    retention: composed.retention,
    resync: composed.resync,
    resyncJobs: composed.resyncJobs,
    ententeExists: options.ententeExists,
  };
}

/**
 * This node's delivery loop, erasure scheduler and subscription scheduler (one node at a time
 * enqueues erasures or emits boundaries, by their leases), and the take-over of resync jobs a
 * stopped node left running (every ten delivery intervals).
 */
function startWorkers(
  engine: EngineDeps,
  retention: RetentionDeps,
  boundaries: BoundaryDeps,
  runner: ResyncRunner,
  options: { readonly intervalMs: number; readonly onError: (error: unknown) => void },
): DeliveryWorker {
  const delivery = startDeliveryWorker(engine, options);
  const holder = randomUUID();
  const erasures = startErasureScheduler(retention, { holder, onError: options.onError });
  const subscriptions = startSubscriptionScheduler(boundaries, { holder, onError: options.onError });
  const pickUp = setInterval(() => runner.pickUp().catch(options.onError), options.intervalMs * 10);
  pickUp.unref();
  return {
    async stop() {
      clearInterval(pickUp);
      await Promise.all([delivery.stop(), erasures.stop(), subscriptions.stop(), runner.idle()]);
    },
  };
}
