import { type AccountAccess, decideAccountAccess } from "../domain/account-access.ts";
import type { CatalogueEntry } from "../domain/catalogue-entry.ts";
import { computeEntitlements, type Entitlements } from "../domain/entitlements.ts";
import { EntenteError, type Issue, ValidationError } from "../errors.ts";
import { dayOf } from "./launcher-feed.ts";
import { hashServiceKey } from "./manage-catalogue.ts";
import type { MemberRef, UsageLine, WorkplaceDeps } from "./ports.ts";

/**
 * Entitlements (issue 11 §5), compatible with ANCT Deploy Center's
 * `GET|POST /api/v1.0/entitlements/` that La Suite's apps call: a service, authenticated by its
 * key (`X-Service-Auth: Bearer <key>`), asks what an account of an organisation may do with it.
 */

export interface EntitlementQuery {
  readonly serviceId: string;
  readonly accountType: "user" | "organization";
  readonly siret: string;
  readonly accountEmail?: string | undefined;
  readonly accountId?: string | undefined;
}

/** A line of a `usage_metrics` report as sent (Deploy Center / La Suite Drive's shape). */
export interface UsageReportLine {
  readonly account: {
    readonly type: "user" | "organization";
    readonly id?: string | undefined;
    readonly email?: string | undefined;
  };
  readonly siret: string;
  readonly metrics: Readonly<Record<string, number>>;
}

export interface EntitlementAnswer {
  readonly organization: {
    readonly id: string;
    readonly type: string;
    readonly name: string;
    readonly oidc_valid: boolean;
  } | null;
  readonly operator: { readonly id: string } | null;
  readonly entitlements: Entitlements;
  readonly metrics: { readonly storage_used: number | null };
}

/**
 * The service whose key is in the header, the same as `serviceId`.
 * The key is looked up by its SHA-256: keys are 256 random bits, so the digest's index lookup
 * tells an attacker nothing a guess could use (no per-byte comparison of the key itself).
 * @throws `workplace.service_key_invalid` (401) without a valid key; `workplace.not_found` (404)
 * when `serviceId` is not the key's own service — whether it exists elsewhere is not told.
 */
export async function authenticateService(
  deps: WorkplaceDeps,
  header: string | undefined,
  serviceId: string,
): Promise<CatalogueEntry> {
  const key = /^Bearer (\S+)$/.exec(header ?? "")?.[1];
  if (key === undefined) throw new EntenteError("workplace.service_key_invalid");
  const hash = hashServiceKey(key);
  const entry = await deps.catalogue.findByServiceKeyHash(hash);
  if (entry === null) throw new EntenteError("workplace.service_key_invalid");
  if (entry.clientId !== serviceId || !entry.enabled)
    throw new EntenteError("workplace.not_found", { what: "service", id: serviceId });
  return entry;
}

const accountOf = (query: {
  readonly accountId?: string | undefined;
  readonly accountEmail?: string | undefined;
}) =>
  query.accountId !== undefined
    ? { sub: query.accountId }
    : query.accountEmail !== undefined
      ? { email: query.accountEmail }
      : null;

/**
 * The subscription and the access of the account (`decideAccountAccess`): a user by their
 * affiliation with the member (none: an unknown email or `sub`, or another member's person),
 * an organisation by its subscription alone.
 */
async function accessOf(
  deps: WorkplaceDeps,
  service: CatalogueEntry,
  member: MemberRef,
  query: EntitlementQuery,
) {
  const account = query.accountType === "user" ? accountOf(query) : null;
  const [subscription, affiliation] = await Promise.all([
    deps.subscriptions.find(member.ententeId, service.clientId, member.id),
    account === null ? null : deps.affiliations.find(member.ententeId, member.id, account),
  ]);
  const entitled =
    query.accountType === "organization"
      ? ({ type: "organization" } as const)
      : ({ type: "user", affiliation } as const);
  const access: AccountAccess = decideAccountAccess(
    subscription,
    member.id,
    entitled,
    dayOf(deps.clock.now()),
  );
  const storageUsed = await deps.usage.latestStorageUsed(service.clientId, member.id, account);
  return { subscription, access, storageUsed };
}

/** The entitlements of the account of `query` (the organisation unknown: nothing allowed). */
export async function getEntitlements(
  deps: WorkplaceDeps,
  service: CatalogueEntry,
  query: EntitlementQuery,
): Promise<EntitlementAnswer> {
  const member = (await deps.members.findByIdentifier({ siret: query.siret })).find(
    (m) => m.ententeId === service.ententeId,
  );
  if (member === undefined) {
    const refused = { allowed: false, reason: "not_subscribed" } as const;
    const entitlements = computeEntitlements({
      kind: service.kind,
      organizationKnown: false,
      subscription: null,
      access: refused,
      storageUsed: null,
    });
    return {
      organization: null,
      operator: { id: service.ententeId },
      entitlements,
      metrics: { storage_used: null },
    };
  }
  const { subscription, access, storageUsed } = await accessOf(deps, service, member, query);
  return {
    organization: { id: member.id, type: member.kind, name: member.name, oidc_valid: true },
    operator: { id: service.ententeId },
    entitlements: computeEntitlements({
      kind: service.kind,
      organizationKnown: true,
      subscription,
      access,
      storageUsed,
    }),
    metrics: { storage_used: storageUsed },
  };
}

/**
 * Stores a `usage_metrics` report of the service (the usage that feeds the usage key). All or
 * nothing: every line's organisation must be a member of the service's entente, every metric a
 * non-negative integer.
 * @throws ValidationError (`workplace.usage_invalid`, one issue per wrong line).
 */
export async function recordUsage(
  deps: WorkplaceDeps,
  service: CatalogueEntry,
  report: readonly UsageReportLine[],
): Promise<number> {
  const issues: Issue[] = [];
  const lines: UsageLine[] = [];
  for (const [index, line] of report.entries()) {
    const bad = (expected: string) =>
      issues.push({
        code: "workplace.usage_invalid",
        path: ["usage_metrics", index],
        details: { line: index, expected },
      });
    const member = (await deps.members.findByIdentifier({ siret: line.siret })).find(
      (m) => m.ententeId === service.ententeId,
    );
    if (member === undefined) bad(`siret ${line.siret} is not a member of the service's entente`);
    else if (Object.values(line.metrics).some((v) => !Number.isSafeInteger(v) || v < 0))
      bad("metrics as non-negative integers");
    else
      lines.push({
        clientId: service.clientId,
        ententeId: service.ententeId,
        memberId: member.id,
        accountType: line.account.type,
        accountId: line.account.id ?? null,
        accountEmail: line.account.email ?? null,
        metrics: line.metrics,
      });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  await deps.usage.record(lines, deps.clock.now());
  return lines.length;
}
