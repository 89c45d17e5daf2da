import { accountState } from "../domain/scim-person.ts";
import type { PersonChange, ScimStore, ServiceAudiences } from "./ports.ts";

/**
 * A member's subscription to a catalogued service was created, changed or removed (the workplace
 * tells it through the port it is composed with; `clientId` is the service, identity's OIDC
 * client; `started` false: removed).
 */
export interface SubscriptionChange {
  readonly ententeId: string;
  readonly clientId: string;
  readonly memberId: string;
  readonly started: boolean;
}

/** A subscription's start (`startsOn`) or end (the day after `endsOn`), turned into events once. */
export interface Boundary {
  readonly boundary: "start" | "end";
  /** The subscription's day, `YYYY-MM-DD`: `startsOn` or `endsOn`. */
  readonly day: string;
}

export type BoundaryKey = Boundary & {
  readonly ententeId: string;
  readonly clientId: string;
  readonly memberId: string;
};

/** The key a recorded boundary is known by (`ServiceAccessStore.recordedBoundaries`). */
export const boundaryKey = (b: BoundaryKey) =>
  [b.ententeId, b.clientId, b.memberId, b.boundary, b.day].join("\u0000");

/** A person as a recomputation sees them: their account and whether the service's rule admits them. */
export interface PersonAccess extends Pick<PersonChange, "sub" | "payload"> {
  readonly eligible: boolean;
}

/** The ledger of services' accounts (`db/service-access-store.ts`). */
export interface ServiceAccessStore {
  /**
   * Brings the connectors of `clientId` in step with each person's access (`serviceTransition`:
   * the difference only) and records `boundaries` as emitted, in one transaction; when every
   * boundary given was already recorded (a second run, another node), does nothing.
   * @returns how many events were appended.
   */
  applyAccess(
    scope: { readonly ententeId: string; readonly memberId: string },
    clientId: string,
    persons: readonly PersonAccess[],
    at: Date,
    boundaries: readonly Boundary[],
  ): Promise<number>;
  /** Every boundary already emitted, by `boundaryKey`. */
  recordedBoundaries(): Promise<Set<string>>;
}

export interface SubscriptionEventDeps {
  readonly store: ScimStore;
  readonly access: ServiceAccessStore;
  readonly audiences: ServiceAudiences;
  readonly now: () => Date;
}

/**
 * Recomputes who holds an account on a catalogued service at a member, for the persons its
 * directory pushed (SCIM Users linked to a person): the workplace's rule (`audiencesOf`:
 * subscription in force today, roles, groups) and the person's own state decide, the ledger
 * gives the difference — `created` for a person newly admitted, `reactivated` for one admitted
 * again, `suspended` for one no longer admitted (disabled; erased after the member's retention
 * period, never the same day), nothing for the others. A service outside the catalogue: nothing.
 * @returns how many events were recorded.
 */
export async function recomputeServiceAccess(
  deps: SubscriptionEventDeps,
  key: { readonly ententeId: string; readonly clientId: string; readonly memberId: string },
  boundaries: readonly Boundary[] = [],
): Promise<number> {
  const [audience] = await deps.audiences.audiencesOf(key.ententeId, key.memberId, key.clientId);
  if (audience === undefined) return 0;
  const at = deps.now();
  const scope = { ententeId: key.ententeId, memberId: key.memberId, sourceId: "" };
  const persons: PersonAccess[] = [];
  for (const user of await deps.store.listUsers(scope)) {
    if (user.sub === null) continue;
    const payload = accountState(
      user.attributes,
      user.groups.map((g) => g.display),
      user.active,
    );
    persons.push({ sub: user.sub, payload, eligible: audience.admits(payload, at) });
  }
  return deps.access.applyAccess(scope, key.clientId, persons, at, boundaries);
}

/** What the workplace's listener does: a subscription created, changed or removed is recomputed at once. */
export function recordSubscriptionChange(
  deps: SubscriptionEventDeps,
  change: SubscriptionChange,
): Promise<number> {
  return recomputeServiceAccess(deps, change);
}
