import { assertCan, type Principal } from "../../access/index.ts";
import { compareCatalogueEntries } from "../domain/catalogue-entry.ts";
import { accountsRemaining, type MigrationWave } from "../domain/migration-wave.ts";
import {
  assertWithinMembership,
  type Subscription,
  type SubscriptionDraft,
  validateSubscription,
} from "../domain/subscription.ts";
import { assertReadBackMatches, type SubscriptionReadBack } from "../domain/subscription-read-back.ts";
import { EntenteError } from "../errors.ts";
import type { WorkplaceDeps } from "./ports.ts";

/**
 * Subscriptions of members to catalogued services (issue 11 §2): read by every console role of
 * the entente, written by the secretariat (they are the services' access policy).
 */

/** The subscriptions to one service. @throws `workplace.not_found`. */
export async function listSubscriptions(
  deps: WorkplaceDeps,
  principal: Principal,
  ententeId: string,
  clientId: string,
): Promise<Subscription[]> {
  assertCan(principal, { kind: "read", ententeId });
  if ((await deps.catalogue.find(ententeId, clientId)) === null) {
    throw new EntenteError("workplace.not_found", { what: "service", id: clientId });
  }
  return deps.subscriptions.listForService(ententeId, clientId);
}

/**
 * Subscribes a member (`rowVersion` null) or changes its subscription, within the member's
 * membership (finance's exercises, read through `MemberReader`). A read (GET) sent back whole is
 * accepted: its read-only fields are ignored when they match (`assertReadBackMatches`).
 * @throws `workplace.not_found` (service or member), ValidationError
 * (`workplace.subscription_invalid`), `workplace.read_only_field`, `conflict.stale_version`.
 */
export async function putSubscription(
  deps: WorkplaceDeps,
  principal: Principal,
  key: { readonly ententeId: string; readonly clientId: string; readonly memberId: string },
  draft: SubscriptionDraft & SubscriptionReadBack & { readonly rowVersion: number | null },
): Promise<Subscription> {
  assertCan(principal, { kind: "manage-identity", ententeId: key.ententeId });
  const fields = validateSubscription(draft);
  assertReadBackMatches(key, draft, fields);
  if ((await deps.catalogue.find(key.ententeId, key.clientId)) === null) {
    throw new EntenteError("workplace.not_found", { what: "service", id: key.clientId });
  }
  const member = await deps.members.find(key.ententeId, key.memberId);
  if (member === null) {
    throw new EntenteError("workplace.not_found", { what: "member", id: key.memberId });
  }
  assertWithinMembership(fields, member);
  const saved = await deps.subscriptions.put(key, fields, draft.rowVersion, {
    id: principal.email,
    label: principal.email,
  });
  // Every change is told: provisioning recomputes the accounts (roles, groups or days changed).
  await tellListener(deps, { ...key, started: true });
  return saved;
}

/** Tells provisioning (when composed with it) that a subscription was put or removed; reports a failure. */
async function tellListener(
  deps: WorkplaceDeps,
  change: {
    readonly ententeId: string;
    readonly clientId: string;
    readonly memberId: string;
    readonly started: boolean;
  },
): Promise<void> {
  const listener = deps.subscriptionListener;
  if (listener === undefined) return;
  try {
    await listener.subscriptionChanged(change);
  } catch (error) {
    listener.onError(error);
  }
}

/** Ends a member's subscription at once (deleted). @throws `workplace.not_found`. */
export async function removeSubscription(
  deps: WorkplaceDeps,
  principal: Principal,
  key: { readonly ententeId: string; readonly clientId: string; readonly memberId: string },
): Promise<void> {
  assertCan(principal, { kind: "manage-identity", ententeId: key.ententeId });
  const actor = { id: principal.email, label: principal.email };
  if (!(await deps.subscriptions.remove(key.ententeId, key.clientId, key.memberId, actor))) {
    throw new EntenteError("workplace.not_found", {
      what: "subscription",
      id: `${key.clientId}/${key.memberId}`,
    });
  }
  await tellListener(deps, { ...key, started: false });
}

/** One member × service of the migration follow-up. */
export interface MigrationLine {
  readonly clientId: string;
  readonly serviceName: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly wave: MigrationWave & { readonly accountsRemaining: number };
}

/**
 * The migration follow-up (issue 11 §2): every subscription that carries a wave, per member ×
 * service, in catalogue order then member order; the remaining accounts computed.
 */
export async function listMigrationWaves(
  deps: WorkplaceDeps,
  principal: Principal,
  ententeId: string,
): Promise<MigrationLine[]> {
  assertCan(principal, { kind: "read", ententeId });
  const [entries, subscriptions] = await Promise.all([
    deps.catalogue.list(ententeId),
    deps.subscriptions.listForEntente(ententeId),
  ]);
  const ordered = entries.sort(compareCatalogueEntries);
  const lines: MigrationLine[] = [];
  for (const entry of ordered) {
    for (const s of subscriptions.filter((x) => x.clientId === entry.clientId && x.wave !== null)) {
      const member = await deps.members.find(ententeId, s.memberId);
      const wave = s.wave as MigrationWave;
      lines.push({
        clientId: entry.clientId,
        serviceName: entry.name,
        memberId: s.memberId,
        memberName: member?.name ?? s.memberId,
        wave: { ...wave, accountsRemaining: accountsRemaining(wave) },
      });
    }
  }
  return lines;
}
