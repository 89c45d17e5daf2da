import { createEntenteStore } from "../../src/finance/db/entente-store.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { SourceInput } from "../../src/identity/domain/identity-source.ts";
import type { PersonRole } from "../../src/identity/domain/person.ts";
import type { UpstreamIdentity } from "../../src/identity/domain/upstream-identity.ts";
import type { OpenDatabase } from "../../src/platform/db/open-database.ts";
import { LYON } from "../helpers/run-cli.ts";

/** Fixtures of the identity directory suites: the Lyon example imported as two ententes. */

export const ACTOR = { id: "secretariat@entente.test", label: "secretariat@entente.test" };

/** Imports examples/lyon-2023 as `lyon` and again as `autre` (another entente, same member ids). */
export async function importTwoEntentes(database: OpenDatabase): Promise<void> {
  const ententes = createEntenteStore(database.db);
  const model = await readEntenteFile(LYON);
  await ententes.importEntente("lyon", model, { id: "import", label: "import" });
  await ententes.importEntente("autre", model, { id: "import", label: "import" });
}

export const LDAP_SOURCE: SourceInput = {
  kind: "ldap",
  memberId: "ville-lyon",
  label: "Annuaire de la Ville",
  enabled: true,
  secret: "bind-password",
  ldap: {
    url: "ldap://127.0.0.1:3389",
    startTls: false,
    tlsCaPem: null,
    bindDn: "cn=reader,dc=ville-lyon,dc=test",
    searchBase: "ou=people,dc=ville-lyon,dc=test",
    searchFilter: "(&(objectClass=person)(|(uid={login})(mail={login})))",
    idAttribute: "entryUUID",
    idEncoding: "text",
    timeoutSeconds: 5,
  },
  mapping: {
    givenName: "givenName",
    familyName: "sn",
    usualName: null,
    email: "mail",
    uid: "uid",
    groups: "memberOf",
    role: { attribute: "employeeType", eluValues: ["elu"] },
  },
};

export const SAML_SOURCE: SourceInput = {
  kind: "saml",
  memberId: "metropole",
  label: "IdP de la Métropole",
  enabled: true,
  saml: {
    idpEntityId: "https://idp.metropole.test/saml",
    ssoUrl: "https://idp.metropole.test/saml/sso",
    idpCertificates: ["-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"],
    clockSkewSeconds: 60,
    idAttribute: "nameID",
  },
  mapping: {
    givenName: "givenName",
    familyName: "sn",
    usualName: null,
    email: "mail",
    uid: "uid",
    groups: null,
    role: { fixed: "agent" },
  },
};

export const upstream = (sourceId: string, upstreamId: string): UpstreamIdentity => ({
  sourceId,
  upstreamId,
  attributes: {},
  amr: ["pwd"],
  acr: null,
});

export interface Normalized {
  givenName: string;
  familyName: string;
  usualName: string;
  email: string;
  emailVerified: boolean;
  uid: string;
  groups: string[];
  role: PersonRole;
}

export const normalized = (over: Partial<Normalized> = {}): Normalized => ({
  givenName: "Éloïse",
  familyName: "Martin",
  usualName: "Martin",
  email: "eloise.martin@ville-lyon.test",
  emailVerified: true,
  uid: "emartin",
  groups: ["DSI"],
  role: "agent",
  ...over,
});
