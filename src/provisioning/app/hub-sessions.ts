import type { PersonChange } from "./ports.ts";

/**
 * The hub's sessions of a person, as identity ends them (its door, registered at composition:
 * `ComposedIdentity.sessions`): back-channel logout to the services of each session (OIDC
 * Back-Channel Logout 1.0 §2.5), the grants and their tokens revoked, the session destroyed.
 * The rule is identity's, the same one that ends the sessions of a suspended source.
 */
export interface HubSessions {
  endSessionsOfPerson(sub: string): Promise<{
    readonly sessions: number;
    readonly servicesNotified: number;
    readonly servicesFailed: number;
  }>;
}

/** Where the hub's sessions are ended, once identity is composed (the server); none on the command line. */
export interface HubSessionsSlot {
  current: HubSessions | null;
  /** Told when ending a person's sessions failed (the change itself is stored: never undone). */
  readonly onError: (error: unknown) => void;
}

/** The kinds of change that end a person's sessions: deprovisioning (issue 12: disable first, end the sessions). */
const ENDS_SESSIONS: ReadonlySet<PersonChange["kind"]> = new Set(["suspended", "deleted"]);

/**
 * Ends the hub's sessions of the persons whom `changes` deprovision (suspended by SCIM
 * `active: false`, or deleted), after the change was stored: the connectors' disable follows
 * through the delivery engine. A failure is reported to `slot.onError` and does not undo the
 * change (the member's directory is answered by the stored state).
 * @returns how many sessions were ended.
 */
export async function endSessionsOnDeprovisioning(
  slot: HubSessionsSlot | undefined,
  changes: readonly PersonChange[],
): Promise<number> {
  const sessions = slot?.current ?? null;
  if (slot === undefined || sessions === null) return 0;
  let ended = 0;
  for (const change of changes) {
    if (!ENDS_SESSIONS.has(change.kind)) continue;
    try {
      ended += (await sessions.endSessionsOfPerson(change.sub)).sessions;
    } catch (error) {
      slot.onError(error);
    }
  }
  return ended;
}
