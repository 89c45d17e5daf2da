/**
 * In-memory fakes of the identity ports (our own interfaces) for the sign-in flow's unit and page
 * tests. The MFA service and the throttle are the real ones, over in-memory stores.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createLoginThrottle, type LoginFailureStore } from "../../src/access/index.ts";
import type { MfaCredentialStore } from "../../src/identity/app/mfa-ports.ts";
import type {
  InteractionDetails,
  InteractionGateway,
  PasswordConnector,
  PersonDirectory,
  RedirectConnector,
} from "../../src/identity/app/ports.ts";
import type { ServiceAccessPolicy } from "../../src/identity/app/service-access-port.ts";
import type { SignInContext } from "../../src/identity/app/sign-in/sign-in-step.ts";
import { createSignInFlow } from "../../src/identity/app/sign-in-flow.ts";
import { ACR_ONE_FACTOR } from "../../src/identity/domain/authentication-level.ts";
import type { IdentityEvent } from "../../src/identity/domain/identity-event.ts";
import type { AttributeMapping, SourceRecord } from "../../src/identity/domain/identity-source.ts";
import type { MfaCredentialRecord } from "../../src/identity/domain/mfa-credential.ts";
import type { PersonRecord } from "../../src/identity/domain/person.ts";
import type { ServiceClientRecord } from "../../src/identity/domain/service-client.ts";
import type { UpstreamIdentity } from "../../src/identity/domain/upstream-identity.ts";
import { createMfaService } from "../../src/identity/mfa/create-mfa-service.ts";
import type { TransientStore } from "../../src/platform/db/transient-store.ts";
import { EntenteError } from "../../src/shared/errors.ts";

export const PUBLIC_URL = "http://127.0.0.1:3000";
export const ENTENTE = "lyon-2023";

const mapping: AttributeMapping = {
  givenName: "givenName",
  familyName: "sn",
  usualName: null,
  email: "mail",
  uid: "uid",
  groups: "memberOf",
  role: { attribute: "title", eluValues: ["élu"] },
};

function source(id: string, memberId: string, kind: SourceRecord["kind"], label: string): SourceRecord {
  const base = {
    id,
    ententeId: ENTENTE,
    memberId,
    label,
    enabled: true,
    mapping,
    secret: null,
    rowVersion: 1,
  };
  if (kind === "ldap") {
    return {
      ...base,
      kind,
      ldap: {
        url: "ldap://127.0.0.1",
        startTls: false,
        tlsCaPem: null,
        bindDn: null,
        searchBase: "dc=x",
        searchFilter: "(uid={login})",
        idAttribute: "entryUUID",
        idEncoding: "text",
        timeoutSeconds: 5,
      },
    };
  }
  if (kind === "oidc")
    return { ...base, kind, oidc: { issuer: "http://127.0.0.1:4000", clientId: "entente", scopes: [] } };
  if (kind === "saml") {
    return {
      ...base,
      kind,
      saml: {
        idpEntityId: "idp",
        ssoUrl: "http://127.0.0.1:5000/sso",
        idpCertificates: [],
        clockSkewSeconds: 60,
        idAttribute: "nameID",
      },
    };
  }
  return { ...base, kind: "local" };
}

export const members: Record<string, string> = {
  metropole: "Métropole de Lyon",
  ville: "Ville de Lyon",
  sitiv: "SITIV",
};

export const sources: Record<string, SourceRecord> = {
  "ldap-metropole": source("ldap-metropole", "metropole", "ldap", "Annuaire de la Métropole"),
  "ldap-ville": source("ldap-ville", "ville", "ldap", "Annuaire de la Ville"),
  "oidc-sitiv": source("oidc-sitiv", "sitiv", "oidc", "IdP du SITIV"),
  "saml-sitiv": source("saml-sitiv", "sitiv", "saml", "SAML du SITIV"),
  // A member of another entente: never on the list of this entente's services.
  "ldap-autre": {
    ...source("ldap-autre", "ville", "ldap", "Annuaire d'une autre entente"),
    ententeId: "autre",
  },
};

/** A person of a directory: their attributes and password. */
export interface DirectoryEntry {
  readonly password: string;
  readonly upstreamId: string;
  readonly attributes: Record<string, string[]>;
}

export function entry(
  upstreamId: string,
  given: string,
  family: string,
  mail: string,
  extra: Record<string, string[]> = {},
): DirectoryEntry {
  return {
    password: "secret-password",
    upstreamId,
    attributes: { givenName: [given], sn: [family], mail: [mail], uid: [upstreamId], ...extra },
  };
}

export function service(overrides: Partial<ServiceClientRecord> = {}): ServiceClientRecord {
  return {
    clientId: "visio",
    ententeId: ENTENTE,
    name: "Visio",
    redirectUris: ["http://127.0.0.1:9000/cb"],
    postLogoutRedirectUris: [],
    backchannelLogoutUri: null,
    grantTypes: ["authorization_code"],
    tokenEndpointAuthMethod: "none",
    scopes: ["openid"],
    policy: { memberIds: null, roles: null, groups: null },
    requiredAcr: null,
    enabled: true,
    rowVersion: 1,
    ...overrides,
  };
}

export function memoryTransientStore(): TransientStore & { size(): number } {
  const values = new Map<string, string>();
  return {
    async put(key, value) {
      values.set(key, JSON.stringify(value));
    },
    async take(key) {
      const value = values.get(key);
      values.delete(key);
      return value === undefined ? null : JSON.parse(value);
    },
    async get(key) {
      const value = values.get(key);
      return value === undefined ? null : JSON.parse(value);
    },
    size: () => values.size,
  };
}

export function memoryFailureStore(): LoginFailureStore {
  const failures = new Map<string, Date[]>();
  return {
    async recordFailure(keys, at) {
      for (const key of keys) failures.set(key, [...(failures.get(key) ?? []), at]);
    },
    async failuresSince(queries) {
      return queries.map(({ key, since }) =>
        (failures.get(key) ?? []).filter((d) => d.getTime() >= since.getTime()),
      );
    },
    async clearFailures(key) {
      failures.delete(key);
    },
  };
}

export function memoryMfaStore(): MfaCredentialStore {
  let next = 1;
  let rows: MfaCredentialRecord[] = [];
  const update = (
    id: string,
    sub: string,
    ok: (r: MfaCredentialRecord) => boolean,
    change: Partial<MfaCredentialRecord>,
  ) => {
    const row = rows.find((r) => r.id === id && r.sub === sub);
    if (row === undefined || !ok(row)) return false;
    rows = rows.map((r) => (r === row ? { ...r, ...change } : r));
    return true;
  };
  return {
    async listCredentials(sub, { includeInactive }) {
      return rows.filter((r) => r.sub === sub && (includeInactive || r.active));
    },
    async addCredential(credential, at) {
      if (credential.kind === "totp" && !credential.active)
        rows = rows.filter((r) => !(r.sub === credential.sub && !r.active));
      const record = {
        ...credential,
        id: String(next++),
        createdAt: at,
        lastUsedAt: null,
        lastTimeStep: null,
      };
      rows.push(record);
      return record;
    },
    async activateTotp(sub, id, timeStep, at) {
      return update(id, sub, (r) => !r.active, { active: true, lastTimeStep: timeStep, lastUsedAt: at });
    },
    async advanceTotpStep(sub, id, timeStep, at) {
      return update(id, sub, (r) => r.active && (r.lastTimeStep === null || r.lastTimeStep < timeStep), {
        lastTimeStep: timeStep,
        lastUsedAt: at,
      });
    },
    async advanceWebauthnCounter(sub, id, counter, at) {
      return update(id, sub, (r) => r.counter < counter || (r.counter === 0 && counter === 0), {
        counter,
        lastUsedAt: at,
      });
    },
  };
}

/** Everything a flow test needs, with knobs. */
export function createWorld(options: { readonly serviceAccess?: ServiceAccessPolicy } = {}) {
  const now = { value: new Date("2026-03-02T09:00:00Z") };
  const clock = { now: () => now.value };
  const events: IdentityEvent[] = [];
  const directories: Record<string, Record<string, DirectoryEntry>> = {
    "ldap-metropole": {
      "jean.martin": entry("u-jean", "Jean", "Martin", "jean.martin@grandlyon.fr", {
        memberOf: ["cn=DSI,ou=groups"],
      }),
      "claire.petit": entry("u-claire", "Claire", "Petit", "claire.petit@grandlyon.fr", { title: ["élu"] }),
      intrus: entry("u-intrus", "Ivan", "Trus", "ivan@ville-lyon.fr"),
    },
    "ldap-ville": {
      "maire.perso@gmail.com": entry("u-maire", "Paul", "Maire", "maire.perso@gmail.com"),
      "jean.martin": entry("u-jean-ville", "Jean", "Martin", "jean.martin@ville-lyon.fr"),
    },
  };
  const domains: Record<string, string> = {
    "grandlyon.fr": "ldap-metropole",
    "ville-lyon.fr": "ldap-ville",
    "sitiv.fr": "oidc-sitiv",
  };
  const registered: Record<string, { sourceId: string; role: "elu" | "agent" }> = {
    "maire.perso@gmail.com": { sourceId: "ldap-ville", role: "elu" },
  };
  const passwordCalls: string[] = [];
  const passwordConnector: PasswordConnector = {
    async authenticate(src, login, password) {
      passwordCalls.push(`${src.id}:${login}`);
      const found = directories[src.id]?.[login];
      if (found === undefined || found.password !== password)
        throw new EntenteError("identity.invalid_credentials");
      return {
        sourceId: src.id,
        upstreamId: found.upstreamId,
        attributes: found.attributes,
        amr: ["pwd"],
        acr: null,
      };
    },
  };
  const pendingUpstream = new Map<string, { interactionId: string; identity: UpstreamIdentity }>();
  const upstreamAnswers: Record<string, UpstreamIdentity> = {};
  const redirectConnector: RedirectConnector = {
    async begin(src, request) {
      const state = `st-${pendingUpstream.size + 1}`;
      const identity = upstreamAnswers[src.id];
      if (identity === undefined)
        throw new EntenteError("identity.source_unreachable", { source: src.label });
      pendingUpstream.set(state, { interactionId: request.interactionId, identity });
      return {
        redirectUrl: `http://127.0.0.1:4000/authorize?state=${state}&redirect_uri=${encodeURIComponent(request.callbackUrl)}`,
      };
    },
    async finish(_src, answer) {
      const state = answer.query.state ?? answer.body.RelayState ?? "";
      const found = pendingUpstream.get(state);
      pendingUpstream.delete(state);
      if (found === undefined) throw new EntenteError("identity.state_lost");
      return found;
    },
  };

  const persons = new Map<string, PersonRecord>();
  /** The member recorded for each grant (`recordGrantAffiliation`), as the real directory keeps it. */
  const grantMembers = new Map<string, string>();
  const links = new Map<string, string>();
  const resolveCalls: unknown[] = [];
  const people: PersonDirectory = {
    async resolvePerson(src, identity, n) {
      resolveCalls.push({ source: src.id, upstreamId: identity.upstreamId, ...n });
      const linkKey = `${src.id}|${identity.upstreamId}`;
      const sub = links.get(linkKey) ?? `sub-${links.size + 1}`;
      links.set(linkKey, sub);
      const existing = persons.get(sub);
      const affiliation = {
        ententeId: src.ententeId,
        memberId: src.memberId,
        memberName: members[src.memberId] ?? src.memberId,
        siren: null,
        siret: null,
        // Like the real directory: a registered address of this member decides the role, from the
        // email the source asserted.
        role:
          registered[n.email] !== undefined &&
          sources[registered[n.email]?.sourceId ?? ""]?.memberId === src.memberId
            ? (registered[n.email]?.role ?? n.role)
            : n.role,
        email: n.email,
        emailVerified: n.emailVerified,
        uid: n.uid,
        groups: n.groups,
      };
      const person: PersonRecord = {
        sub,
        givenName: n.givenName,
        familyName: n.familyName,
        usualName: n.usualName,
        affiliations: [
          ...(existing?.affiliations ?? []).filter((a) => a.memberId !== src.memberId),
          affiliation,
        ],
      };
      persons.set(sub, person);
      return person;
    },
    async findPerson(sub) {
      return persons.get(sub) ?? null;
    },
    async recordGrantAffiliation(grantId, _sub, memberId) {
      grantMembers.set(grantId, memberId);
    },
    async grantAffiliation(grantId) {
      return grantMembers.get(grantId) ?? null;
    },
  };
  const clients: Record<string, ServiceClientRecord> = { visio: service() };
  const fake = fakeGateway(clients, grantMembers);
  const routing = {
    async routeEmail(email: string) {
      const reg = registered[email];
      if (reg !== undefined) {
        const src = sources[reg.sourceId] as SourceRecord;
        return {
          ententeId: ENTENTE,
          memberId: src.memberId,
          memberName: members[src.memberId] ?? "",
          source: src,
          via: "registered-address" as const,
          role: reg.role,
        };
      }
      const sourceId = domains[email.slice(email.indexOf("@") + 1)];
      const src = sourceId === undefined ? undefined : sources[sourceId];
      if (src === undefined) return null;
      return {
        ententeId: ENTENTE,
        memberId: src.memberId,
        memberName: members[src.memberId] ?? "",
        source: src,
        via: "domain" as const,
        role: null,
      };
    },
    async listOrganisations(ententeId: string) {
      return Object.values(sources)
        .filter((s) => s.ententeId === ententeId)
        .map((s) => ({
          ententeId: ENTENTE,
          ententeName: "Entente Lyon",
          memberId: s.memberId,
          memberName: members[s.memberId] ?? s.memberId,
          sources: [{ id: s.id, label: s.label, kind: s.kind }],
        }));
    },
    async findSource(id: string) {
      return sources[id] ?? null;
    },
    async mayAssertEmail(asserter: SourceRecord, email: string) {
      if (registered[email] !== undefined) return registered[email].sourceId === asserter.id;
      const sourceId = domains[email.slice(email.indexOf("@") + 1)];
      return sourceId !== undefined && sources[sourceId]?.memberId === asserter.memberId;
    },
  };
  const state = memoryTransientStore();
  const mfaStore = memoryMfaStore();
  const flow = createSignInFlow({
    routing,
    people,
    events: { record: async (e) => void events.push(e) },
    passwordConnectors: { ldap: passwordConnector, local: passwordConnector },
    redirectConnectors: { oidc: redirectConnector, saml: redirectConnector },
    mfa: createMfaService({ store: mfaStore, publicUrl: PUBLIC_URL, issuer: "Entente Lyon", now: clock.now }),
    throttle: createLoginThrottle(memoryFailureStore()),
    clock,
    gateway: fake.gateway,
    state,
    publicUrl: PUBLIC_URL,
    ...(options.serviceAccess === undefined ? {} : { serviceAccess: options.serviceAccess }),
  });
  return {
    flow,
    now,
    events,
    directories,
    passwordCalls,
    resolveCalls,
    persons,
    clients,
    upstreamAnswers,
    people,
    state,
    mfaStore,
    domains,
    fake,
  };
}

export function details(uid: string, overrides: Partial<InteractionDetails> = {}): InteractionDetails {
  return {
    uid,
    clientId: "visio",
    requestedAcr: ACR_ONE_FACTOR,
    requestedScope: "openid",
    returnTo: null,
    requestedResources: [],
    loginHint: null,
    sessionSub: null,
    sessionAmr: [],
    prompts: [],
    ...overrides,
  };
}

export function context(uid: string, overrides: Partial<InteractionDetails> = {}): SignInContext {
  return { details: details(uid, overrides), requestId: `req-${uid}`, ip: "127.0.0.1" };
}

/**
 * A fake of the provider's interaction API: the interaction is the one named by the `fake_interaction`
 * cookie (as oidc-provider binds it to its `_interaction` cookie); finish/abort return the URL a
 * test checks. A finished interaction is kept with the sign-in's result as the service will
 * receive it: the person, the member recorded for the grant (`grantMembers`), acr and amr.
 */
export function fakeGateway(
  clients: Record<string, ServiceClientRecord>,
  grantMembers: ReadonlyMap<string, string>,
) {
  const interactions = new Map<string, InteractionDetails>();
  const finished: { uid: string; result: unknown }[] = [];
  const aborted: { uid: string; error: unknown }[] = [];
  const uidOf = (req: IncomingMessage) =>
    /(?:^|;\s*)fake_interaction=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
  const find = (req: IncomingMessage) => {
    const uid = uidOf(req);
    const found = uid === undefined ? undefined : interactions.get(uid);
    if (found === undefined) throw new EntenteError("identity.interaction_expired");
    return found;
  };
  const gateway: InteractionGateway = {
    async details(req: IncomingMessage, _res: ServerResponse) {
      return find(req);
    },
    async saveGrant(req) {
      return { grantId: `grant-${find(req).uid}` };
    },
    async completeSignIn(req, _res, { sub, acr, amr, grantId }) {
      const d = find(req);
      finished.push({ uid: d.uid, result: { sub, memberId: grantMembers.get(grantId) ?? null, acr, amr } });
      interactions.delete(d.uid);
      return { redirectTo: `${PUBLIC_URL}/oidc/auth/${d.uid}` };
    },
    async abort(req, _res, error) {
      const d = find(req);
      aborted.push({ uid: d.uid, error });
      interactions.delete(d.uid);
      return { redirectTo: `http://127.0.0.1:9000/cb?error=${error.error}` };
    },
    async client(id) {
      return clients[id] ?? null;
    },
    async interactionExists(uid) {
      return interactions.has(uid);
    },
  };
  return { gateway, interactions, finished, aborted };
}

/** The sign-in pages on a test app (buildApp with the real error handler and security headers). */
export async function createPagesApp() {
  const { buildTestApp } = await import("../helpers/build-test-app.ts");
  const { createInteractionRoutes } = await import(
    "../../src/identity/http/interaction/interaction-routes.ts"
  );
  const world = createWorld();
  const testApp = await buildTestApp({
    routes: [
      createInteractionRoutes({ flow: world.flow, gateway: world.fake.gateway, publicUrl: PUBLIC_URL }),
    ],
  });
  return { ...world, ...world.fake, ...testApp };
}

/** The anti-CSRF token of a page's forms. */
export function csrfOf(page: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(page);
  if (match?.[1] === undefined) throw new Error("no csrf field in the page");
  return match[1];
}
