import { z } from "zod";
import { IdParam } from "../shared/contract-primitives.ts";

/** Zod schemas of the provisioning API (shared with web/). */

/** A member's SCIM token to issue or rotate, bound to one of the member's identity sources. */
export const ScimTokenRequest = z.object({
  memberId: IdParam,
  sourceId: z
    .string()
    .min(1)
    .max(200)
    .describe("the member's identity source whose persons the pushed Users are"),
});

/** The token, shown once, and the endpoint to give the member's directory (Entra ID "Tenant URL"). */
export const ScimTokenIssued = z.object({
  endpoint: z.string(),
  token: z.string(),
});

const DeliveryState = z.enum(["pending", "done", "failed"]);

/** `?state=&sub=&limit=` of the deliveries' list. */
export const DeliveryQuery = z.object({
  state: DeliveryState.optional(),
  sub: z.string().min(1).max(200).optional(),
  person: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("a person: its sub, or part of its user name (case-insensitive)"),
  connectorId: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** One delivery of an event to a connector. */
export const Delivery = z.object({
  eventId: z.string(),
  connectorId: z.string(),
  connectorLabel: z.string(),
  kind: z.string(),
  sub: z.string(),
  memberId: z.string(),
  userName: z.string(),
  state: DeliveryState,
  attempts: z.number().int(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable().describe("the peer's answer to the last attempt"),
  doneAt: z.string().nullable(),
});

/** Per connector: its deliveries by state and since when its peer fails (null: it does not). */
export const ConnectorDeliveries = z.object({
  connectorId: z.string(),
  label: z.string(),
  kind: z.string(),
  pending: z.number().int(),
  failed: z.number().int(),
  done: z.number().int(),
  failingSince: z
    .string()
    .nullable()
    .describe("first failed attempt of its unfinished deliveries (ISO 8601); null when none fails"),
});

export const DeliveryList = z.object({
  counts: z.object({ pending: z.number().int(), done: z.number().int(), failed: z.number().int() }),
  connectors: z.array(ConnectorDeliveries),
  deliveries: z.array(Delivery),
});

export const ReplayQuery = z.object({ connectorId: z.string().min(1).max(200).optional() });
export const ReplayAnswer = z.object({ replayed: z.number().int() });

/** A connector as declared (its secret is never shown back). */
export const Connector = z.object({
  id: z.string(),
  ententeId: z.string(),
  kind: z.string(),
  label: z.string(),
  clientId: z.string().nullable(),
  settings: z.record(z.string(), z.unknown()),
  memberIds: z.array(z.string()).nullable(),
  enabled: z.boolean(),
});

export const ConnectorWrite = z.object({
  kind: z.string().min(1).max(50),
  label: z.string().min(1).max(200),
  clientId: z.string().max(200).nullable().optional().describe("the OIDC service whose accounts it keeps"),
  settings: z.record(z.string(), z.unknown()),
  secret: z.string().max(2000).nullable().optional(),
  memberIds: z.array(IdParam).nullable().optional().describe("members whose persons it receives; null: all"),
  enabled: z.boolean(),
});

/** A connector removed: its deliveries dropped with it, by state. */
export const ConnectorRemoved = z.object({
  id: z.string(),
  droppedDeliveries: z.object({ pending: z.number().int(), failed: z.number().int() }),
});

/** One member's line of the mail migration's report (issue 12 item 5). */
export const MemberMailMigration = z.object({
  memberId: z.string(),
  wave: z
    .object({
      label: z.string(),
      plannedStart: z.string().nullable(),
      actualEnd: z.string().nullable(),
      accountsPlanned: z.number().int(),
    })
    .nullable(),
  daysToStart: z.number().int().nullable(),
  planned: z.number().int(),
  created: z.number().int(),
  signedIn: z.number().int(),
  stage: z.enum(["planned", "created", "first-sign-in", "done"]),
  domains: z.array(z.string()),
  storageUsedBytes: z
    .number()
    .int()
    .nullable()
    .describe("bytes its mailboxes in use hold; null: Dovecot did not answer"),
});
export type MemberMailMigration = z.infer<typeof MemberMailMigration>;

/** What preparing a member's mailboxes ahead of the switch did. */
export const PrepareMailboxesAnswer = z.object({
  memberId: z.string(),
  accounts: z.number().int(),
  done: z.number().int(),
  refused: z.array(z.object({ userName: z.string(), reason: z.string() })),
});

/** A full resync of a connector as a job: its state, cursor and counts (docs/provisioning.md). */
export const ResyncJob = z.object({
  id: z.string(),
  connectorId: z.string(),
  state: z.enum(["running", "stopped", "done", "failed"]),
  total: z.number().int().describe("accounts to compare: persons expected and accounts the tool has"),
  compared: z.number().int(),
  created: z.number().int().describe("repairs queued: accounts to create"),
  updated: z.number().int().describe("repairs queued: accounts to update"),
  disabled: z.number().int().describe("repairs queued: accounts to disable"),
  errors: z.number().int(),
  lastError: z.string().nullable(),
  startedBy: z.string(),
  startedAt: z.string(),
  updatedAt: z.string(),
});
export const ResyncJobList = z.array(ResyncJob);
