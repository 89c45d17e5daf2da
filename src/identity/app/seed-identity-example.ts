import type { Actor } from "../../shared/actor.ts";
import type { RegisteredAddressRecord } from "../domain/email-ownership.ts";
import type { AttributeMapping, SourceRecord } from "../domain/identity-source.ts";
import type { PersonRole } from "../domain/person.ts";
import type { ServiceClientInput, ServiceClientRecord } from "../domain/service-client.ts";
import type { IdentityDirectoryAdmin } from "./admin/identity-admin-ports.ts";
import type { ServiceClientAdmin } from "./provider-ports.ts";

/** A member of the example, as the finance context's entente model gives it. */
interface ExampleMember {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

/** What the identity example needs of the entente file's model (members, mission leads, holder). */
export interface ExampleEntente {
  readonly members: readonly ExampleMember[];
  readonly missions: readonly { readonly id: string; readonly lead?: string | undefined }[];
  readonly budgetHolder?: string | undefined;
}

/** Where `npm run demo:service` (examples/demo-service/server.ts) listens. */
export const DEMO_SERVICE_URL = "http://127.0.0.1:3001";
export const DEMO_SERVICE_NAME = "Service de démonstration";

/** A demo account as src/access/app/create-demo-accounts.ts created it. */
export interface DemoAccountOfExample {
  readonly email: string;
  readonly role: "secretariat" | "finance" | "mission-lead" | "reader";
  readonly memberId: string | null;
  readonly missionId: string | null;
}

/** What the first start configured; printed by src/main.ts. */
export interface SeededIdentity {
  /** One `local` source per member, in the order of the members. */
  readonly sources: readonly SourceRecord[];
  readonly addresses: readonly RegisteredAddressRecord[];
  /** The public client `examples/demo-service` signs in with. */
  readonly demoService: ServiceClientRecord;
}

const ACTOR: Actor = { id: "system", label: "import" };

/**
 * The mapping of the local accounts' attributes (src/identity/local-account-connector.ts): the
 * console role (`secretariat`, `finance`…) becomes the person's only group, so that the demo
 * service shows the `groups` claim and a group policy can be tried on it.
 */
const LOCAL_MAPPING: AttributeMapping = {
  givenName: "givenName",
  familyName: "familyName",
  usualName: null,
  email: "email",
  uid: "uid",
  groups: "consoleRole",
  role: { fixed: "agent" },
};

/** The demo service: a public client (PKCE S256, no secret), open to every member, role and group. */
export const DEMO_SERVICE: ServiceClientInput = {
  name: DEMO_SERVICE_NAME,
  redirectUris: [`${DEMO_SERVICE_URL}/callback`],
  postLogoutRedirectUris: [`${DEMO_SERVICE_URL}/logged-out`],
  backchannelLogoutUri: `${DEMO_SERVICE_URL}/backchannel-logout`,
  grantTypes: ["authorization_code"],
  tokenEndpointAuthMethod: "none",
  scopes: ["openid", "profile", "email", "organization", "groups"],
  policy: { memberIds: null, roles: null, groups: null },
  requiredAcr: null,
  enabled: true,
};

/**
 * Which member a demo account acts for in the federation, and with which forced role. Every
 * demo address shares one domain (`<entente>.entente.localhost`), which no member can own, so
 * each address is registered for one member (the élus' path, docs/identity.md):
 * - a member's account (`finance.<member>`): its member;
 * - the mission lead: the mission's lead member (porteur de mission);
 * - the conference secretariat, which has no member in the console: the budget holder (the
 *   member that carries the entente's budget and, in practice, its secretariat), else the first member;
 * - the reader: an élu (forced role `elu`) of the first commune, else of the first member — it
 *   shows the path of an élu signing in with a personal address.
 */
function affiliationOf(
  entente: ExampleEntente,
  account: DemoAccountOfExample,
): { readonly member: ExampleMember; readonly role: PersonRole | null; readonly note: string } | null {
  const byId = (id: string | undefined) => entente.members.find((m) => m.id === id);
  const first = entente.members[0];
  if (first === undefined) return null;
  if (account.memberId !== null) {
    const member = byId(account.memberId);
    return member === undefined ? null : { member, role: null, note: "Démo : compte d'un membre" };
  }
  if (account.role === "mission-lead") {
    const lead = byId(entente.missions.find((m) => m.id === account.missionId)?.lead) ?? first;
    return { member: lead, role: null, note: "Démo : porteur de mission, rattaché au membre porteur" };
  }
  if (account.role === "reader") {
    const commune = entente.members.find((m) => m.kind === "commune") ?? first;
    return { member: commune, role: "elu", note: "Démo : un élu sur une adresse personnelle" };
  }
  return {
    member: byId(entente.budgetHolder) ?? first,
    role: null,
    note: "Démo : secrétariat de l'entente, rattaché au membre qui porte le budget",
  };
}

/**
 * First start with the example (src/main.ts, right after `seedExample`): makes the identity
 * federation usable at once with the demo accounts. Creates, through the administration ports
 * (each write audited as `system`/`import`):
 * - one enabled `local` identity source per member ("Comptes de l'entente"): the console's demo
 *   accounts sign in with their demo password (src/identity/local-account-connector.ts);
 * - one registered address per demo account (see `affiliationOf` for the member each acts for);
 * - the demo service `DEMO_SERVICE` (redirect `http://127.0.0.1:3001/callback`).
 * Does nothing, and returns null, when the entente already has an identity source or a service
 * (a second start, or an entente configured by hand).
 * @throws the stores' errors (`identity.not_found` for an unknown entente or member,
 *   `identity.address_taken` when another entente registered one of the addresses).
 */
export async function seedIdentityExample(
  deps: { readonly directory: IdentityDirectoryAdmin; readonly services: ServiceClientAdmin },
  ententeId: string,
  entente: ExampleEntente,
  accounts: readonly DemoAccountOfExample[],
): Promise<SeededIdentity | null> {
  const existing = await deps.directory.listSources(ententeId, null);
  if (existing.length > 0 || (await deps.services.listClients(ententeId)).length > 0) return null;
  const sources: SourceRecord[] = [];
  for (const member of entente.members) {
    sources.push(
      await deps.directory.createSource(
        ententeId,
        {
          kind: "local",
          memberId: member.id,
          label: "Comptes de l'entente",
          enabled: true,
          mapping: LOCAL_MAPPING,
          secret: null,
        },
        ACTOR,
      ),
    );
  }
  const addresses: RegisteredAddressRecord[] = [];
  for (const account of accounts) {
    const affiliation = affiliationOf(entente, account);
    const source = sources.find((s) => s.memberId === affiliation?.member.id);
    if (affiliation === null || source === undefined) continue;
    addresses.push(
      await deps.directory.registerAddress(
        ententeId,
        {
          email: account.email,
          memberId: affiliation.member.id,
          sourceId: source.id,
          role: affiliation.role,
          note: affiliation.note,
        },
        ACTOR,
      ),
    );
  }
  const { client } = await deps.services.createClient(ententeId, DEMO_SERVICE, ACTOR);
  return { sources, addresses, demoService: client };
}

export const PORTAL_SERVICE_NAME = "Portail des agents et des élus";

/**
 * The portal of `ententeId` as a hub client (docs/portal.md "Setting it up"): public (PKCE S256,
 * no secret), open to every member, its URIs built from Entente's public URL (no trailing slash)
 * and compared exactly by the hub.
 */
export function portalService(publicUrl: string, ententeId: string): ServiceClientInput {
  const base = `${publicUrl.replace(/\/+$/, "")}/portal/${encodeURIComponent(ententeId)}`;
  return {
    ...DEMO_SERVICE,
    name: PORTAL_SERVICE_NAME,
    redirectUris: [`${base}/callback`],
    postLogoutRedirectUris: [`${base}/signed-out`],
    backchannelLogoutUri: `${base}/backchannel-logout`,
  };
}

/**
 * First start with the example, once the public URL is known (src/first-start.ts): registers the
 * portal's client (`portalService`) and returns it. @throws the registry's errors.
 */
export async function seedPortalClient(
  deps: { readonly services: ServiceClientAdmin },
  ententeId: string,
  publicUrl: string,
): Promise<ServiceClientRecord> {
  const { client } = await deps.services.createClient(ententeId, portalService(publicUrl, ententeId), ACTOR);
  return client;
}

const AT_START: Actor = { id: "system", label: "start (PUBLIC_URL)" };
const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * At each start, the portal's client follows the configured public URL (issue 11): its redirect,
 * post-logout and back-channel logout URIs are `portalService(publicUrl, ententeId)`'s, replacing
 * those of an earlier URL — still compared exactly by the hub (OIDC Core §3.1.2.1), so the old
 * address is no longer accepted. Written through the registry (validated, audited `update` by
 * "start (PUBLIC_URL)"); nothing written when they already match.
 * @returns whether the client was updated (false as well for a client that is not the entente's).
 * @throws the registry's errors (`identity.client_invalid` for a URL its rules refuse, e.g. http
 *   in production).
 */
export async function alignPortalClient(
  deps: { readonly services: ServiceClientAdmin },
  ententeId: string,
  clientId: string,
  publicUrl: string,
): Promise<boolean> {
  const client = await deps.services.findClient(clientId);
  if (client === null || client.ententeId !== ententeId) return false;
  const wanted = portalService(publicUrl, ententeId);
  if (
    sameList(client.redirectUris, wanted.redirectUris) &&
    sameList(client.postLogoutRedirectUris, wanted.postLogoutRedirectUris) &&
    client.backchannelLogoutUri === wanted.backchannelLogoutUri
  )
    return false;
  const { clientId: _id, ententeId: _entente, rowVersion, ...input } = client;
  await deps.services.updateClient(
    ententeId,
    clientId,
    {
      ...input,
      redirectUris: wanted.redirectUris,
      postLogoutRedirectUris: wanted.postLogoutRedirectUris,
      backchannelLogoutUri: wanted.backchannelLogoutUri,
    },
    rowVersion,
    AT_START,
  );
  return true;
}
