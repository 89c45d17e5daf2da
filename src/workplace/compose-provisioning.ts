// What provisioning reads of the workplace (issue 12 items 1, 4–5): a member's subscription to a
// service — its storage quota per account (the mailboxes' quota), its migration wave (the mail
// migration's report) — and who may hold an account on a catalogued service (the access rule
// `decideSubscribedAccess`, the one sign-in applies), with the subscriptions' start and end days.
// Read-only; no access check here: provisioning checks its own.
import type { Kysely, Selectable } from "kysely";
import type { OpenDatabase } from "../platform/db/open-database.ts";
import { dayOf } from "./app/launcher-feed.ts";
import { createSubscriptionStore, toSubscription } from "./db/subscription-store.ts";
import type { WorkplaceDatabase, WorkplaceSubscriptionTable } from "./db/tables.ts";
import type { MigrationWave } from "./domain/migration-wave.ts";
import { decideSubscribedAccess } from "./domain/subscription.ts";

/** A member's subscription to a service as provisioning needs it. */
export interface SubscriptionForProvisioning {
  /** Storage per account in bytes; null: not limited. */
  readonly storagePerAccount: bigint | null;
  /** The member's migration wave to the service; null: none planned. */
  readonly wave: MigrationWave | null;
}

/** A person as the access rule sees them: their role at the member and their groups. */
export interface AudiencePerson {
  readonly role: string;
  readonly groups: readonly string[];
}

/**
 * A catalogued service's access rule for one member: `admits` is `decideSubscribedAccess`
 * (subscription in force on the UTC day of `at`, roles, groups) — the rule of sign-in, the portal
 * and the entitlements, so that accounts follow exactly who may use the service.
 */
export interface ServiceAudience {
  readonly clientId: string;
  admits(person: AudiencePerson, at: Date): boolean;
}

/** A subscription's days, for the boundaries provisioning turns into events. */
export interface SubscriptionDays {
  readonly ententeId: string;
  readonly clientId: string;
  readonly memberId: string;
  /** First day in force, `YYYY-MM-DD`. */
  readonly startsOn: string;
  /** Last day in force (included), `YYYY-MM-DD`; null: open-ended. */
  readonly endsOn: string | null;
  /** The boundaries passed by the day asked: `start` on `startsOn`, `end` the day after `endsOn`. */
  readonly passed: readonly { readonly boundary: "start" | "end"; readonly day: string }[];
}

export interface WorkplaceForProvisioning {
  /** The subscription of `memberId` to the service `clientId`, or null when it has none. */
  subscriptionOf(
    ententeId: string,
    clientId: string,
    memberId: string,
  ): Promise<SubscriptionForProvisioning | null>;
  /**
   * The access rules of the entente's catalogued services (only `clientId` when given) for the
   * member; a service outside the catalogue has none (subscriptions do not govern it).
   */
  audiencesOf(ententeId: string, memberId: string, clientId?: string): Promise<ServiceAudience[]>;
  /**
   * The subscriptions to catalogued services, of every entente, with a boundary passed by the UTC
   * day of `at`: started (`startsOn` ≤ day) or ended (`endsOn` < day).
   */
  boundariesBy(at: Date): Promise<SubscriptionDays[]>;
}

/** The workplace's subscriptions, read for provisioning on `database`. */
export function composeWorkplaceForProvisioning(database: OpenDatabase): WorkplaceForProvisioning {
  const db = database.db as Kysely<WorkplaceDatabase>;
  const subscriptions = createSubscriptionStore(db);
  return {
    async subscriptionOf(ententeId, clientId, memberId) {
      const found = await subscriptions.find(ententeId, clientId, memberId);
      return found === null ? null : { storagePerAccount: found.quotas.storagePerAccount, wave: found.wave };
    },
    async audiencesOf(ententeId, memberId, clientId) {
      // One statement (a SCIM write asks it): the catalogue with the member's subscriptions.
      let query = db
        .selectFrom("workplace_service as c")
        .leftJoin("workplace_subscription as s", (join) =>
          join
            .onRef("s.client_id", "=", "c.client_id")
            .onRef("s.entente_id", "=", "c.entente_id")
            .on("s.member_id", "=", memberId),
        )
        .selectAll("s")
        .select("c.client_id as catalogued")
        .where("c.entente_id", "=", ententeId);
      if (clientId !== undefined) query = query.where("c.client_id", "=", clientId);
      return (await query.execute()).map(({ catalogued, ...row }) => {
        const subscription =
          row.member_id === null ? null : toSubscription(row as Selectable<WorkplaceSubscriptionTable>);
        return {
          clientId: catalogued,
          admits: (person, at) =>
            decideSubscribedAccess(subscription, { memberId, ...person }, dayOf(at)).allowed,
        };
      });
    },
    async boundariesBy(at) {
      const day = dayOf(at);
      const rows = await db
        .selectFrom("workplace_subscription as s")
        .innerJoin("workplace_service as c", (join) =>
          join.onRef("c.client_id", "=", "s.client_id").onRef("c.entente_id", "=", "s.entente_id"),
        )
        .select(["s.entente_id", "s.client_id", "s.member_id", "s.starts_on", "s.ends_on"])
        .where((eb) => eb.or([eb("s.starts_on", "<=", day), eb("s.ends_on", "<", day)]))
        .orderBy("s.entente_id")
        .orderBy("s.client_id")
        .orderBy("s.member_id")
        .execute();
      return rows.map((r) => ({
        ententeId: r.entente_id,
        clientId: r.client_id,
        memberId: r.member_id,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        passed: [
          ...(r.starts_on <= day ? [{ boundary: "start" as const, day: r.starts_on }] : []),
          ...(r.ends_on !== null && r.ends_on < day ? [{ boundary: "end" as const, day: r.ends_on }] : []),
        ],
      }));
    },
  };
}
