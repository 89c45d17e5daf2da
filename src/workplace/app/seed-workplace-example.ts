import type { Actor } from "../../shared/actor.ts";
import { validateAnnouncement } from "../domain/announcement.ts";
import { validateCatalogueFields } from "../domain/catalogue-entry.ts";
import { validateProbeFields } from "../domain/probe.ts";
import { assertWithinMembership, validateSubscription } from "../domain/subscription.ts";
import type { AnnouncementStore, PortalStore } from "./portal-ports.ts";
import type { CatalogueStore, MemberReader, SubscriptionStore } from "./ports.ts";
import type { ProbeStore } from "./status-ports.ts";

/** The stores the example's workplace is written through. */
export interface SeedWorkplaceDeps {
  readonly catalogue: CatalogueStore;
  readonly subscriptions: SubscriptionStore;
  readonly members: MemberReader;
  readonly probes: ProbeStore;
  readonly portal: PortalStore;
  readonly announcements: AnnouncementStore;
  readonly now: () => Date;
}

/** What the first start gives: the clients identity registered and the example's members. */
export interface WorkplaceExample {
  readonly ententeId: string;
  /** Identity's client of the portal (`/portal/<entente>/`). */
  readonly portalClientId: string;
  /** Identity's client of `npm run demo:service`, and the URL it listens on. */
  readonly demoService: { readonly clientId: string; readonly url: string };
  readonly memberIds: readonly string[];
  /** The example's current exercise: subscriptions start on its 1 January (or the member's first). */
  readonly exerciseYear: number;
  /** The hub's own issuer (`<public URL>/oidc`), probed by OpenID Connect discovery. */
  readonly hubIssuer: string;
}

/** What was seeded; null when the entente already had a portal or a catalogue. */
export interface SeededWorkplace {
  readonly portalClientId: string;
  readonly catalogued: string;
  readonly subscribedMembers: readonly string[];
  /** The status page's entry of the hub (`hub:<entente>`), probed at `hubIssuer`. */
  readonly hubEntry: string;
}

const ACTOR: Actor = { id: "system", label: "import" };

/**
 * First start with the example (src/first-start.ts, after identity registered the portal's and
 * the demo service's clients): makes the digital workplace visible at once (docs/portal.md).
 * - the portal's client becomes the entente's portal;
 * - the demo service enters the catalogue (kind `other`, maturity `beta`, no uploaded logo: its
 *   monogram) and every member is subscribed to it from 1 January of `exerciseYear` (or of the
 *   member's first exercise, if later) to the end of its last exercise (none: open-ended) — the
 *   membership rule `assertWithinMembership`; a member that left before `exerciseYear` is skipped;
 * - an HTTP probe on the demo service's URL (it shows `down` until `npm run demo:service` runs);
 * - the hub itself on the status page ("Fédération d'identité": the identity federation is a
 *   mission socle but no catalogued service), with an OIDC discovery probe of its own issuer —
 *   the registered target, like any probe's;
 * - one announcement from the secretariat, to everyone, from today.
 * Does nothing, and returns null, when the entente already has a portal or a catalogue entry.
 * @throws the stores' and validators' errors (`workplace.*`), none with the example.
 */
export async function seedWorkplaceExample(
  deps: SeedWorkplaceDeps,
  example: WorkplaceExample,
): Promise<SeededWorkplace | null> {
  const { ententeId } = example;
  if (
    (await deps.portal.portalClientOf(ententeId)) !== null ||
    (await deps.catalogue.list(ententeId)).length > 0
  )
    return null;
  await deps.portal.setPortalClient(ententeId, example.portalClientId, ACTOR);
  const clientId = example.demoService.clientId;
  const fields = validateCatalogueFields({
    kind: "other",
    description:
      "Un service d'exemple qui se connecte par le hub d'identité : il montre les informations reçues (membre, rôle, groupes).",
    url: example.demoService.url,
    maturity: "beta",
    documentationUrl: null,
    supportUrl: null,
    displayOrder: 0,
  });
  await deps.catalogue.create(ententeId, clientId, fields, ACTOR);
  const subscribedMembers = await subscribeEveryMember(deps, example);
  const probe = validateProbeFields({
    kind: "http",
    target: example.demoService.url,
    timeoutMs: 5000,
    intervalSeconds: 60,
  });
  await deps.probes.put(ententeId, clientId, probe, deps.now(), ACTOR);
  const hubEntry = await deps.probes.putHubComponent(ententeId, ACTOR);
  const hubProbe = validateProbeFields({
    kind: "oidc",
    target: example.hubIssuer,
    timeoutMs: 5000,
    intervalSeconds: 60,
  });
  await deps.probes.put(ententeId, hubEntry, hubProbe, deps.now(), ACTOR);
  await deps.announcements.create(ententeId, welcome(deps.now()), { memberId: null, label: "import" });
  return { portalClientId: example.portalClientId, catalogued: clientId, subscribedMembers, hubEntry };
}

async function subscribeEveryMember(deps: SeedWorkplaceDeps, example: WorkplaceExample): Promise<string[]> {
  const subscribed: string[] = [];
  for (const memberId of example.memberIds) {
    const member = await deps.members.find(example.ententeId, memberId);
    if (member === null || (member.toYear !== null && member.toYear < example.exerciseYear)) continue;
    const from = Math.max(example.exerciseYear, member.fromYear ?? example.exerciseYear);
    const fields = validateSubscription({
      startsOn: `${from}-01-01`,
      endsOn: member.toYear === null ? null : `${member.toYear}-12-31`,
      roles: null,
      groups: null,
      seats: null,
      storagePerAccount: null,
      storagePerMember: null,
    });
    assertWithinMembership(fields, member);
    const key = { ententeId: example.ententeId, clientId: example.demoService.clientId, memberId };
    await deps.subscriptions.put(key, fields, null, ACTOR);
    subscribed.push(memberId);
  }
  return subscribed;
}

/** The secretariat's welcome, shown to every person of every member from `today` on. */
function welcome(today: Date) {
  return validateAnnouncement(
    {
      title: "Bienvenue sur le portail de l'entente",
      body:
        "Vos services partagés sont ici. Le service de démonstration montre la connexion par le hub " +
        "d'identité ; il apparaît « Hors service » tant qu'il n'est pas lancé (npm run demo:service).",
      shownFrom: today.toISOString().slice(0, 10),
      shownUntil: null,
      memberIds: null,
      roles: null,
      groups: null,
      requiresAck: false,
    },
    [],
    null,
  );
}
