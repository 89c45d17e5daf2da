import { z } from "zod";
import { IdParam, RowVersion } from "../shared/contract-primitives.ts";

/**
 * zod schemas of the digital workplace's API (issue 11), shared by the server and the web
 * console: the catalogue and subscriptions under `/api/ententes/:id/workplace/…` (console), the
 * public launcher feed `/api/v1.0/lagaufre/services/` and the entitlements
 * `/api/v1.0/entitlements/` (Deploy Center's shapes, snake_case as those clients read them).
 */

export const ClientIdParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/);

export const ServiceKind = z.enum(["video", "chat", "files", "office", "elearning", "mail", "other"]);
export const Maturity = z.enum(["alpha", "beta", "stable"]);

/** What the secretariat writes of a catalogue entry (the rules: domain/catalogue-entry.ts). */
export const CatalogueWrite = z.strictObject({
  kind: z.string().max(40),
  description: z.string().max(2000),
  url: z.string().max(2000),
  maturity: z.string().max(40),
  documentationUrl: z.string().max(2000).nullable(),
  supportUrl: z.string().max(2000).nullable(),
  displayOrder: z.number().int(),
});
export const CatalogueCreate = CatalogueWrite.extend({
  clientId: ClientIdParam.meta({ description: "identity's OIDC client (service) this entry is" }),
});
export const CatalogueUpdate = CatalogueWrite.extend({ rowVersion: RowVersion.min(1) });

export const CatalogueEntry = z.object({
  clientId: z.string(),
  name: z.string().meta({ description: "the OIDC client's name (identity)" }),
  enabled: z.boolean(),
  kind: ServiceKind,
  description: z.string(),
  url: z.string(),
  maturity: Maturity,
  documentationUrl: z.string().nullable(),
  supportUrl: z.string().nullable(),
  displayOrder: z.number().int(),
  logo: z.string().meta({ description: "address of the logo (uploaded, or the generated monogram)" }),
  hasUploadedLogo: z.boolean(),
  hasServiceKey: z.boolean(),
  rowVersion: RowVersion,
});

export const LogoUpload = z.strictObject({
  contentType: z.string().max(100),
  dataBase64: z.string().max(400_000).meta({
    description: "the image, base64 (PNG, JPEG or WebP, checked whole; 256 KiB and 2048 px a side at most)",
  }),
});

export const ServiceKey = z.object({
  serviceKey: z.string().meta({ description: "send it as X-Service-Auth: Bearer <key>; shown once" }),
});

const QuantityIn = z.strictObject({ value: z.number(), unit: z.string().max(20) });

const Day = z.string().max(10).nullable();
const WaveFields = {
  label: z.string().max(200),
  plannedStart: Day,
  plannedEnd: Day,
  actualStart: Day,
  actualEnd: Day,
  accountsPlanned: z.number(),
  accountsMigrated: z.number(),
};
/** A member's migration wave to the service (dates YYYY-MM-DD, accounts non-negative integers). */
export const MigrationWaveWrite = z.strictObject({
  ...WaveFields,
  accountsRemaining: z.number().optional().meta({
    description: "read-only (planned − migrated): ignored when it matches, refused (400) otherwise",
  }),
});
export const MigrationWave = z.object({ ...WaveFields, accountsRemaining: z.number().int() });

/** A read-only field of the read, accepted back: ignored when it matches, refused (400) otherwise. */
const readOnly = (what: string) =>
  z
    .string()
    .max(200)
    .optional()
    .meta({ description: `read-only, ${what}: ignored when it matches, refused (400) otherwise` });

/**
 * A subscription as PUT takes it: what GET gives (`Subscription`) is accepted back whole, its
 * read-only fields (ids, quotas in bytes, the wave's accounts remaining) ignored when they match.
 */
export const SubscriptionWrite = z.strictObject({
  clientId: readOnly("the service of the address"),
  memberId: readOnly("the member of the address"),
  startsOn: z.string().max(10),
  endsOn: z.string().max(10).nullable(),
  roles: z.array(z.string().max(20)).max(10).nullable(),
  groups: z.array(z.string().max(200)).max(200).nullable(),
  seats: z
    .union([z.number(), QuantityIn])
    .nullable()
    .meta({ description: '{ value, unit: "accounts" }, or the number of accounts as GET gives it' }),
  storagePerAccount: QuantityIn.nullable().meta({
    description: "{ value, unit: B, kB, MB, GB, TB, KiB, MiB, GiB, TiB }",
  }),
  storagePerMember: QuantityIn.nullable(),
  storagePerAccountBytes: z.number().nullable().optional().meta({
    description: "read-only (storagePerAccount in bytes): ignored when it matches, refused (400) otherwise",
  }),
  storagePerMemberBytes: z.number().nullable().optional().meta({
    description: "read-only (storagePerMember in bytes): ignored when it matches, refused (400) otherwise",
  }),
  wave: MigrationWaveWrite.nullable()
    .optional()
    .meta({ description: "the member's migration wave; null: none" }),
  rowVersion: RowVersion.min(1).nullable().meta({ description: "null: a new subscription" }),
});

export const Subscription = z.object({
  clientId: z.string(),
  memberId: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  roles: z.array(z.string()).nullable(),
  groups: z.array(z.string()).nullable(),
  seats: z.number().int().nullable(),
  storagePerAccountBytes: z.number().int().nullable(),
  storagePerMemberBytes: z.number().int().nullable(),
  /** The same quota as PUT takes it (`{ value, unit }`, the largest exact unit): a read can be written back. */
  storagePerAccount: z.object({ value: z.number().int(), unit: z.string() }).nullable(),
  storagePerMember: z.object({ value: z.number().int(), unit: z.string() }).nullable(),
  wave: MigrationWave.nullable(),
  rowVersion: RowVersion,
});

/** One line of the migration follow-up: a member × a service, with its wave. */
export const MigrationLine = z.object({
  clientId: z.string(),
  serviceName: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  wave: MigrationWave,
});

export const EntenteParams = z.object({ id: IdParam });
export const IdParamSchema = IdParam;
export const ServiceParams = EntenteParams.extend({ clientId: ClientIdParam });
export const SubscriptionParams = ServiceParams.extend({ memberId: IdParam });

/** The launcher feed's query (checked by the use case: errors keep La Gaufre's shape). */
export const LauncherQuery = z.object({
  siret: z.string().max(100).optional(),
  siren: z.string().max(100).optional(),
  operator: z.string().max(200).optional(),
});

export const LauncherFeed = z.object({
  organization: z.object({ name: z.string(), type: z.string(), siret: z.string().nullable() }).optional(),
  services: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      url: z.string(),
      maturity: z.string(),
      logo: z.string(),
      subscribed: z.boolean(),
    }),
  ),
  error: z.string().optional(),
});

export const EntitlementQuery = z
  .object({
    service_id: ClientIdParam,
    account_type: z.enum(["user", "organization"]),
    siret: z.string().regex(/^\d{14}$/, { message: "14 chiffres attendus" }),
    account_email: z.string().max(320).optional(),
    account_id: z.string().max(255).optional(),
    idp_id: z.string().max(255).optional(),
  })
  .refine(
    (q) => q.account_type === "organization" || q.account_email !== undefined || q.account_id !== undefined,
    {
      message: "account_email or account_id is required for account_type=user",
      path: ["account_email"],
    },
  );

const Metrics = z.record(z.string().max(100), z.number());
export const UsageReport = z.object({
  usage_metrics: z
    .array(
      z.object({
        account: z.object({
          type: z.enum(["user", "organization"]),
          id: z.string().max(255).optional(),
          email: z.string().max(320).optional(),
        }),
        siret: z.string().regex(/^\d{14}$/),
        metrics: Metrics,
      }),
    )
    .max(1000),
});

export const EntitlementAnswer = z.object({
  organization: z
    .object({ id: z.string(), type: z.string(), name: z.string(), oidc_valid: z.boolean() })
    .nullable(),
  operator: z.object({ id: z.string() }).nullable(),
  entitlements: z.record(z.string(), z.union([z.boolean(), z.number(), z.string(), z.null()])),
  metrics: z.object({ storage_used: z.number().nullable() }),
});

/** A portal announcement as the console writes it (the rules: domain/announcement.ts). */
export const AnnouncementWrite = z.strictObject({
  title: z.string().max(1000),
  body: z.string().max(20000),
  shownFrom: z.string().max(40).meta({ description: "first day shown, YYYY-MM-DD" }),
  shownUntil: z.string().max(40).nullable().meta({ description: "last day shown (included), or null" }),
  memberIds: z.array(z.string().max(200)).max(500).nullable().meta({ description: "null: every member" }),
  roles: z.array(z.string().max(40)).max(10).nullable().meta({ description: "agent, elu; null: both" }),
  groups: z.array(z.string().max(400)).max(200).nullable().meta({ description: "null: everyone" }),
  requiresAck: z.boolean(),
});
export const Announcement = z.object({
  id: z.string(),
  authorMemberId: z.string().nullable().meta({ description: "null: the secretariat" }),
  title: z.string(),
  body: z.string(),
  shownFrom: z.string(),
  shownUntil: z.string().nullable(),
  memberIds: z.array(z.string()).nullable(),
  roles: z.array(z.string()).nullable(),
  groups: z.array(z.string()).nullable(),
  requiresAck: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const AnnouncementParams = z.object({ id: IdParam, announcementId: z.string().uuid() });
export const Acknowledgement = z.object({
  sub: z.string(),
  memberId: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  acknowledgedAt: z.string(),
});
/** Which hub client is the entente's portal (a public client, PKCE; docs/portal.md). */
export const PortalClient = z.strictObject({ clientId: ClientIdParam });

// — Service status (issue 11 §6) —

export const ServiceStatusValue = z.enum(["operational", "degraded", "down", "maintenance", "unknown"]);

/** A health probe as the secretariat registers it (rules: domain/probe.ts). */
export const ProbeWrite = z.strictObject({
  kind: z.string().max(10).meta({ description: "http, tcp or oidc" }),
  target: z.string().max(2000).meta({
    description: "http: the URL; tcp: host:port; oidc: the issuer URL (discovery read under it)",
  }),
  expectStatusMin: z.number().int().optional(),
  expectStatusMax: z.number().int().optional(),
  bodyContains: z.string().max(1000).nullable().optional(),
  timeoutMs: z.number().int().meta({ description: "milliseconds, 100 to 30000" }),
  intervalSeconds: z.number().int().meta({ description: "seconds, 10 to 86400" }),
  failuresToDown: z
    .number()
    .int()
    .optional()
    .meta({ description: "consecutive failures before the service shows down, 1 to 10 (default 2)" }),
  successesToUp: z
    .number()
    .int()
    .optional()
    .meta({ description: "consecutive successes before a down service shows up again, 1 to 10 (default 2)" }),
});
export const Probe = z.object({
  clientId: z.string(),
  kind: z.enum(["http", "tcp", "oidc"]),
  target: z.string(),
  expectStatusMin: z.number().int(),
  expectStatusMax: z.number().int(),
  bodyContains: z.string().nullable(),
  timeoutMs: z.number().int(),
  intervalSeconds: z.number().int(),
  failuresToDown: z.number().int(),
  successesToUp: z.number().int(),
  nextDueAt: z.string(),
  rowVersion: RowVersion,
});

export const ProbeChange = z.object({
  clientId: z.string(),
  at: z.string(),
  from: z.enum(["operational", "degraded", "down"]).nullable(),
  to: z.enum(["operational", "degraded", "down"]),
  detail: z.string().nullable().meta({ description: "why the probe failed (HTTP 503, ECONNREFUSED…)" }),
});

export const IncidentWrite = z.strictObject({
  kind: z.string().max(20).meta({ description: "incident or maintenance" }),
  title: z.string().max(1000),
  impact: z.string().max(20).meta({ description: "incident: degraded or down; maintenance: maintenance" }),
  status: z.string().max(20).meta({
    description:
      "incident: investigating, identified, monitoring, resolved; maintenance: scheduled, in_progress, completed",
  }),
  startsAt: z.string().max(40).meta({ description: "ISO 8601 with offset" }),
  endsAt: z.string().max(40).nullable(),
  clientIds: z.array(z.string().max(128)).max(100),
  memberIds: z.array(z.string().max(128)).max(500),
  message: z.string().max(8000).meta({ description: "the first update of the timeline" }),
});
export const IncidentUpdateWrite = z.strictObject({
  status: z.string().max(20),
  message: z.string().max(8000),
  endsAt: z.string().max(40).nullable().optional(),
  rowVersion: RowVersion,
});
export const IncidentParams = z.object({ id: IdParam, incidentId: z.uuid() });
export const Incident = z.object({
  id: z.string(),
  kind: z.enum(["incident", "maintenance"]),
  title: z.string(),
  impact: z.enum(["degraded", "down", "maintenance"]),
  status: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  clientIds: z.array(z.string()),
  memberIds: z.array(z.string()),
  updates: z.array(z.object({ at: z.string(), status: z.string(), message: z.string(), author: z.string() })),
  rowVersion: RowVersion,
});

/** The public status JSON (the page's state; no probe detail, no author). */
export const PublicStatus = z.object({
  entente: z.object({ id: z.string(), name: z.string() }),
  generatedAt: z.string(),
  services: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["service", "hub"]).meta({
        description: "hub: the identity federation itself (id hub:<entente>), not a catalogue service",
      }),
      name: z.string(),
      status: ServiceStatusValue,
      since: z.string().nullable(),
      uptime90d: z
        .string()
        .nullable()
        .meta({ description: "percent with two decimals, rounded down; null: never probed" }),
      days: z.array(
        z.object({
          day: z.string(),
          uptime: z.string().nullable().meta({
            description: "planned maintenance left out (Statuspage's rule); null: no counted probe",
          }),
          maintenanceMinutes: z
            .number()
            .int()
            .meta({ description: "minutes of planned maintenance that UTC day" }),
        }),
      ),
    }),
  ),
  incidents: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["incident", "maintenance"]),
      title: z.string(),
      impact: z.string(),
      status: z.string(),
      startsAt: z.string(),
      endsAt: z.string().nullable(),
      services: z.array(z.string()),
      members: z.array(z.string()),
      updates: z.array(z.object({ at: z.string(), status: z.string(), message: z.string() })),
    }),
  ),
});
