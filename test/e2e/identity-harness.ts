import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { createArgon2PasswordHasher } from "../../src/access/crypto/argon2-password-hasher.ts";
import { composeConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { AttributeMapping, ServiceClientInput, SourceRecord } from "../../src/identity/app/ports.ts";
import { upstreamCallbackPath } from "../../src/identity/app/sign-in-flow.ts";
import { UPSTREAM_LOGOUT_RETURN_PATH } from "../../src/identity/app/upstream-logout.ts";
import { type ComposedIdentity, composeIdentity } from "../../src/identity/compose.ts";
import { createIdentityAdminStore } from "../../src/identity/db/identity-admin-store.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import { loadConfig } from "../../src/platform/config/load-config.ts";
import { migrateToLatest } from "../../src/platform/db/migrate.ts";
import { type OpenDatabase, openDatabase } from "../../src/platform/db/open-database.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildApp } from "../../src/platform/http/build-app.ts";
import { type ComposedWorkplace, composeWorkplace } from "../../src/workplace/index.ts";
import { migratedPgliteTemplate } from "../helpers/pglite-template.ts";
import { startUpstreamOidcIdp, type UpstreamOidcIdp } from "../helpers/start-upstream-oidc-idp.ts";
import { createTeardown, stopAfterFailure, type Teardown } from "../helpers/teardown.ts";
import { startTestRelyingParty, type TestRelyingParty } from "../helpers/test-relying-party.ts";
import {
  ldapPeer,
  makeSigningPair,
  registerSamlServiceProvider,
  samlPeer,
} from "../helpers/upstream-peers.ts";
import { ROOT } from "./console-harness.ts";

/** The example entente of the seed, with the ids of its members. */
export const ENTENTE = "lyon-2023";
export const DEMO_PASSWORD = "identity-e2e-password";
const ACTOR = { id: "e2e", label: "identity e2e" };
/** Our SAML SP's signing pair (SAML_SP_KEY_FILE / SAML_SP_CERT_FILE in production), for Single Logout. */
const SP_SIGNING = makeSigningPair("entente-e2e-sp");

const LDAP_MAPPING: AttributeMapping = {
  givenName: "givenName",
  familyName: "sn",
  usualName: null,
  email: "mail",
  uid: "uid",
  groups: "memberOf",
  role: { fixed: "agent" },
};

export interface IdentityWorld {
  readonly url: string;
  readonly issuer: string;
  readonly app: ZodFastifyInstance;
  readonly identity: ComposedIdentity;
  readonly database: OpenDatabase;
  readonly upstream: UpstreamOidcIdp;
  /** Services: open to every member (two, for single sign-on and logout), Métropole only, two factors. */
  readonly rp: {
    readonly visio: TestRelyingParty;
    readonly files: TestRelyingParty;
    readonly payroll: TestRelyingParty;
    readonly vault: TestRelyingParty;
    /** In the workplace's catalogue, subscribed by the Métropole only (support link `CHAT_SUPPORT_URL`). */
    readonly chat: TestRelyingParty;
  };
  readonly sources: {
    readonly metropole: SourceRecord;
    readonly ville: SourceRecord;
    readonly villeElus: SourceRecord;
    readonly sitiv: SourceRecord;
  };
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}

/** Entente as src/main.ts composes it, listening on 127.0.0.1:`port`, with the Lyon example. */
async function startEntente(url: string, port: number, teardown: Teardown) {
  const loadDataDir = await migratedPgliteTemplate();
  const database = await openDatabase({ kind: "pglite", dataDir: "memory://", loadDataDir });
  teardown.add("the database", () => database.close());
  await migrateToLatest(database.db);
  const now = () => new Date();
  const hasher = createArgon2PasswordHasher();
  const secret = randomBytes(32).toString("base64url");
  const console = composeConsole(database, { hasher, now, sessionSecret: secret, secureCookies: false });
  await seedExample(
    console,
    ENTENTE,
    await readEntenteFile(`${ROOT}/examples/lyon-2023/entente.yaml`),
    DEMO_PASSWORD,
  );
  // As src/main.ts: the workplace's subscriptions decide for its catalogued services.
  const workplace = composeWorkplace(database, { publicUrl: url, now });
  const identity = await composeIdentity(database, {
    serviceAccess: workplace.serviceAccess,
    publicUrl: url,
    sessionSecret: secret,
    production: false,
    redisUrl: undefined,
    keyRefreshSeconds: 60,
    backchannelPrivateNetworks: true,
    accounts: console.access.deps.accounts,
    hasher,
    now,
    samlSpSigning: { privateKeyPem: SP_SIGNING.key, certificatePem: SP_SIGNING.cert },
  });
  teardown.add("the identity federation", () => identity.close());
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "warn", SESSION_SECRET: secret });
  const app = await buildApp(
    {
      version: "e2e",
      now,
      registerRoutes: [...console.registerRoutes, ...identity.registerRoutes, ...workplace.registerRoutes],
      plugins: console.plugins,
      logStream: { write: () => {} },
    },
    config,
  );
  teardown.add("Entente's HTTP server", () => app.close());
  await app.listen({ host: "127.0.0.1", port });
  return { database, identity, app, workplace };
}

const ldapSettings = (ou: string) => ({
  url: ldapPeer.url,
  startTls: true,
  tlsCaPem: ldapPeer.caPem(),
  bindDn: ldapPeer.bindDn,
  searchBase: `ou=${ou},${ldapPeer.baseDn}`,
  searchFilter: "(&(objectClass=inetOrgPerson)(|(uid={login})(mail={login})))",
  idAttribute: "entryUUID",
  idEncoding: "text" as const,
  timeoutSeconds: 3,
});

/** The members' sources: slapd (Métropole, Ville), SimpleSAMLphp (the Ville's élus), the SITIV's OIDC IdP. */
async function createSources(database: OpenDatabase, url: string, teardown: Teardown) {
  const admin = createIdentityAdminStore(database.db);
  const ldap = (ou: string, memberId: string, label: string) =>
    admin.createSource(
      ENTENTE,
      {
        kind: "ldap",
        ldap: ldapSettings(ou),
        memberId,
        label,
        enabled: true,
        mapping: LDAP_MAPPING,
        secret: ldapPeer.bindPassword,
      },
      ACTOR,
    );
  const metropole = await ldap("metropole", "metropole", "Annuaire de la Métropole");
  const ville = await ldap("ville", "ville-lyon", "Annuaire de la Ville");
  const villeElus = await admin.createSource(
    ENTENTE,
    {
      kind: "saml",
      saml: {
        idpEntityId: samlPeer.entityId,
        ssoUrl: samlPeer.ssoUrl,
        sloUrl: samlPeer.sloUrl,
        idpCertificates: [samlPeer.certPem()],
        clockSkewSeconds: 30,
        idAttribute: "nameID",
      },
      memberId: "ville-lyon",
      label: "Élus de la Ville (SAML)",
      enabled: true,
      mapping: { ...LDAP_MAPPING, groups: "groups", role: { attribute: "role", eluValues: ["elu"] } },
    },
    ACTOR,
  );
  const upstream = await startUpstreamOidcIdp();
  teardown.add("the upstream OIDC IdP", () => upstream.stop());
  const sitiv = await createSitivSource(admin, upstream, url);
  teardown.add(
    "the SAML registration",
    registerSamlServiceProvider({
      entityId: `${url}/interaction/saml/${encodeURIComponent(villeElus.id)}/metadata`,
      acsUrl: `${url}${upstreamCallbackPath("saml", villeElus.id)}`,
      sloUrl: `${url}/interaction/saml/${encodeURIComponent(villeElus.id)}/slo`,
      certPem: SP_SIGNING.cert,
    }),
  );
  return { upstream, sources: { metropole, ville, villeElus, sitiv } };
}

/** The SITIV's source on the upstream OIDC IdP, registered there as a client. */
async function createSitivSource(
  admin: ReturnType<typeof createIdentityAdminStore>,
  upstream: UpstreamOidcIdp,
  url: string,
): Promise<SourceRecord> {
  const upstreamSecret = randomBytes(16).toString("base64url");
  const sitiv = await admin.createSource(
    ENTENTE,
    {
      kind: "oidc",
      oidc: {
        issuer: upstream.issuer,
        clientId: "entente-e2e",
        scopes: ["openid", "email", "profile", "groups"],
      },
      memberId: "sitiv",
      label: "Comptes du SITIV",
      enabled: true,
      mapping: {
        givenName: "given_name",
        familyName: "family_name",
        usualName: null,
        email: "email",
        uid: "preferred_username",
        groups: "groups",
        role: { fixed: "agent" },
      },
      secret: upstreamSecret,
    },
    ACTOR,
  );
  await upstream.registerClient({
    client_id: "entente-e2e",
    client_secret: upstreamSecret,
    redirect_uris: [`${url}${upstreamCallbackPath("oidc", sitiv.id)}`],
    post_logout_redirect_uris: [`${url}${UPSTREAM_LOGOUT_RETURN_PATH}`],
  });
  return sitiv;
}

/** Email domains of the sources, a directory that does not answer, the élus' personal addresses. */
async function routeAddresses(database: OpenDatabase, sources: IdentityWorld["sources"]): Promise<void> {
  const admin = createIdentityAdminStore(database.db);
  const domains = [
    ["metropole.entente.test", "metropole", sources.metropole.id],
    ["ville.entente.test", "ville-lyon", sources.ville.id],
    ["sitiv.entente.test", "sitiv", sources.sitiv.id],
  ] as const;
  for (const [domain, memberId, sourceId] of domains)
    await admin.addDomain(ENTENTE, { domain, memberId, sourceId }, ACTOR);
  // A directory that does not answer (a closed port), reached through a registered address.
  const down = await admin.createSource(
    ENTENTE,
    {
      kind: "ldap",
      ldap: { ...ldapSettings("metropole"), url: "ldap://127.0.0.1:9", startTls: false, timeoutSeconds: 2 },
      memberId: "metropole",
      label: "Annuaire en panne",
      enabled: true,
      mapping: LDAP_MAPPING,
      secret: ldapPeer.bindPassword,
    },
    ACTOR,
  );
  await admin.registerAddress(
    ENTENTE,
    { email: "panne@perso.test", memberId: "metropole", sourceId: down.id, role: null, note: null },
    ACTOR,
  );
  for (const email of ["gabriel.roux@perso.test", "helene.morel@perso.test"]) {
    await admin.registerAddress(
      ENTENTE,
      { email, memberId: "ville-lyon", sourceId: sources.villeElus.id, role: "elu", note: "élu·e" },
      ACTOR,
    );
  }
}

/** The four test services, each a relying party listening on 127.0.0.1 and registered at Entente. */
async function registerServices(
  database: OpenDatabase,
  issuer: string,
  teardown: Teardown,
  workplace: ComposedWorkplace,
) {
  const clients = createServiceClientStore(database.db);
  let lastClientId = "";
  const register = async (name: string, extra: Partial<ServiceClientInput>): Promise<TestRelyingParty> => {
    const rp = await startTestRelyingParty(name);
    teardown.add(`the service ${name}`, () => rp.close());
    const { client, clientSecret } = await clients.createClient(ENTENTE, {
      name,
      redirectUris: [rp.redirectUri],
      postLogoutRedirectUris: [rp.postLogoutRedirectUri],
      backchannelLogoutUri: rp.backchannelLogoutUri,
      grantTypes: ["authorization_code", "refresh_token"],
      tokenEndpointAuthMethod: "client_secret_basic",
      scopes: ["openid", "profile", "email", "organization", "groups"],
      policy: { memberIds: null, roles: null, groups: null },
      requiredAcr: null,
      enabled: true,
      ...extra,
    });
    await rp.connect({ issuer, clientId: client.clientId, clientSecret });
    lastClientId = client.clientId;
    return rp;
  };
  return {
    visio: await register("Visioconférence", {}),
    files: await register("Partage de fichiers", {}),
    payroll: await register("Paie (Métropole)", {
      policy: { memberIds: ["metropole"], roles: ["agent"], groups: null },
    }),
    vault: await register("Coffre-fort numérique", { requiredAcr: "urn:entente:acr:2fa" }),
    chat: await catalogueChat(await register("Messagerie instantanée", {}), lastClientId, workplace),
  };
}

/** Where a person refused by the chat service is sent to ask for access. */
export const CHAT_SUPPORT_URL = "https://support.entente.test/messagerie";

/** Puts the chat service in the workplace's catalogue, subscribed by the Métropole only. */
async function catalogueChat(rp: TestRelyingParty, clientId: string, workplace: ComposedWorkplace) {
  const { catalogue, subscriptions } = workplace.deps;
  await catalogue.create(
    ENTENTE,
    clientId,
    {
      kind: "chat",
      description: "Messagerie instantanée de l'entente",
      url: "https://chat.entente.test/",
      maturity: "stable",
      documentationUrl: null,
      supportUrl: CHAT_SUPPORT_URL,
      displayOrder: 1,
    },
    ACTOR,
  );
  await subscriptions.put(
    { ententeId: ENTENTE, clientId, memberId: "metropole" },
    {
      startsOn: "2023-01-01",
      endsOn: null,
      roles: null,
      groups: null,
      quotas: { seats: null, storagePerAccount: null, storagePerMember: null },
      wave: null,
    },
    null,
    ACTOR,
  );
  return rp;
}

/**
 * The whole federation on this machine, in one process: Entente (PGlite in memory, the Lyon
 * example, the real composition of src/compose-identity.ts) listening on 127.0.0.1, and its
 * peers — slapd (agents of the Métropole and of the Ville), SimpleSAMLphp (the Ville's élus, on
 * personal addresses), a separate oidc-provider (the SITIV's agents) — and four test services.
 * When a step fails (a peer not running, a server not starting), what the earlier steps started
 * is stopped before the error is thrown: the test file ends instead of waiting on it.
 */
export async function startIdentityWorld(
  options: {
    /**
     * Host name of Entente's public URL (it still listens on 127.0.0.1). WebAuthn needs a
     * domain, never an IP address, as its relying party id: use "localhost" for it.
     */
    readonly host?: "127.0.0.1" | "localhost";
  } = {},
): Promise<IdentityWorld> {
  const teardown = createTeardown();
  try {
    const port = await freePort();
    const url = `http://${options.host ?? "127.0.0.1"}:${port}`;
    const { database, identity, app, workplace } = await startEntente(url, port, teardown);
    const { upstream, sources } = await createSources(database, url, teardown);
    await routeAddresses(database, sources);
    const rp = await registerServices(database, identity.issuer, teardown, workplace);
    return {
      url,
      issuer: identity.issuer,
      app,
      identity,
      database,
      upstream,
      rp,
      sources,
      stop: () => teardown.run(),
    };
  } catch (error) {
    return stopAfterFailure(teardown, error);
  }
}
