import { randomBytes } from "node:crypto";
import type { PortalPerson } from "../../src/workplace/app/portal-ports.ts";
import { hashOf } from "../../src/workplace/http/portal-session.ts";
import type { ComposedWorkplace } from "../../src/workplace/index.ts";

const ACTOR = { id: "test", label: "portal test" };

/** Puts `clientId` in `ententeId`'s catalogue (kind, order) and subscribes `memberIds` to it (everyone of them). */
export async function catalogueAndSubscribe(
  workplace: ComposedWorkplace,
  ententeId: string,
  clientId: string,
  entry: { kind: string; description: string; displayOrder: number },
  memberIds: readonly string[],
  audience: { roles: ("agent" | "elu")[] | null; groups: string[] | null } = { roles: null, groups: null },
): Promise<void> {
  const { catalogue, subscriptions } = workplace.deps;
  await catalogue.create(
    ententeId,
    clientId,
    {
      kind: entry.kind as "video",
      description: entry.description,
      url: `https://${clientId.toLowerCase()}.lyon.test/`,
      maturity: "beta",
      documentationUrl: null,
      supportUrl: null,
      displayOrder: entry.displayOrder,
    },
    ACTOR,
  );
  for (const memberId of memberIds) {
    await subscriptions.put(
      { ententeId, clientId, memberId },
      {
        startsOn: "2023-01-01",
        endsOn: null,
        ...audience,
        quotas: { seats: null, storagePerAccount: null, storagePerMember: null },
        wave: null,
      },
      null,
      ACTOR,
    );
  }
}

/** A portal session for `person` stored directly (the hub's sign-in is the e2e test's); its cookie and CSRF token. */
export async function portalSessionFor(
  workplace: ComposedWorkplace,
  person: PortalPerson,
): Promise<{ cookie: string; csrf: string }> {
  const id = randomBytes(32).toString("base64url");
  const csrf = randomBytes(32).toString("base64url");
  await workplace.portal.portal.createSession(
    hashOf(id),
    { ...person, idToken: "not-used-here", sid: null, csrfToken: csrf },
    new Date(Date.now() + 3_600_000),
  );
  return { cookie: `entente_portal=${id}`, csrf };
}

/** An agent of `memberId` in `ententeId`. */
export const agentOf = (
  ententeId: string,
  memberId: string,
  sub: string,
  groups: string[] = [],
): PortalPerson => ({
  ententeId,
  sub,
  memberId,
  role: "agent",
  groups,
  displayName: `Agent ${sub}`,
  email: `${sub}@${memberId}.test`,
});
