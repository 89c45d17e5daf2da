import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createLdapConnector } from "../../src/identity/upstream/ldap-connector.ts";
import { EntenteError } from "../../src/shared/errors.ts";
import { PRIVATE_SLAPD, type PrivateSlapd, startPrivateSlapd } from "../helpers/private-slapd.ts";
import { ldapSource } from "../helpers/upstream-peers.ts";

// Issue 10, item 8, against a real slapd (a private one: the shared peer has a single objectGUID):
// two people whose binary identifiers differ only in bytes that are not UTF-8 stay two people.

const PORT = 18110; // in this branch's range of private ports (18100–18199)
// Two AD-like objectGUIDs equal but for byte 5, 0xfe against 0xff: neither is UTF-8, so both
// decode as text to the same string (U+FFFD) — the merge of issue 10.
const GUID_A = Buffer.from("40fc296b47fe6710b31d00dd010662da", "hex");
const GUID_B = Buffer.from("40fc296b47ff6710b31d00dd010662da", "hex");

describe("LDAP binary identifiers against a private slapd", () => {
  let slapd: PrivateSlapd;
  const ldap = createLdapConnector();
  const source = (idEncoding: "text" | "guid" | "base64") => ({
    ...ldapSource({
      url: slapd.url,
      bindDn: PRIVATE_SLAPD.adminDn,
      searchBase: `ou=people,${PRIVATE_SLAPD.baseDn}`,
      searchFilter: "(&(objectClass=inetOrgPerson)(uid={login}))",
      idAttribute: "objectGUID",
      idEncoding,
    }),
    secret: PRIVATE_SLAPD.adminPassword,
  });

  before(async () => {
    slapd = await startPrivateSlapd(PORT);
    await slapd.add(`ou=people,${PRIVATE_SLAPD.baseDn}`, {
      objectClass: ["organizationalUnit"],
      ou: ["people"],
    });
    for (const [uid, guid] of [
      ["jumeau.a", GUID_A],
      ["jumeau.b", GUID_B],
    ] as const) {
      await slapd.add(`uid=${uid},ou=people,${PRIVATE_SLAPD.baseDn}`, {
        objectClass: ["inetOrgPerson", "ententeAdLike"],
        uid: [uid],
        cn: [uid],
        sn: ["Jumeau"],
        givenName: [uid],
        mail: [`${uid}@ville.entente.test`],
        userPassword: [`${uid}-secret`],
        objectGUID: [guid],
      });
    }
  });
  after(async () => slapd?.stop());

  it("the two identifiers are the dangerous kind: read as text, they are one", () => {
    assert.notDeepEqual(GUID_A, GUID_B);
    assert.equal(GUID_A.toString("utf8"), GUID_B.toString("utf8"));
  });

  it("guid and base64 keep the two people apart, losslessly", async () => {
    const [a, b] = [
      await ldap.authenticate(source("guid"), "jumeau.a", "jumeau.a-secret"),
      await ldap.authenticate(source("guid"), "jumeau.b", "jumeau.b-secret"),
    ];
    assert.equal(a.upstreamId, "6b29fc40-fe47-1067-b31d-00dd010662da");
    assert.equal(b.upstreamId, "6b29fc40-ff47-1067-b31d-00dd010662da");
    const [a64, b64] = [
      await ldap.authenticate(source("base64"), "jumeau.a", "jumeau.a-secret"),
      await ldap.authenticate(source("base64"), "jumeau.b", "jumeau.b-secret"),
    ];
    assert.deepEqual(Buffer.from(a64.upstreamId, "base64"), GUID_A);
    assert.deepEqual(Buffer.from(b64.upstreamId, "base64"), GUID_B);
  });

  it("text refuses a value that is not UTF-8 instead of merging the two (detected at sign-in)", async () => {
    for (const uid of ["jumeau.a", "jumeau.b"]) {
      await assert.rejects(
        ldap.authenticate(source("text"), uid, `${uid}-secret`),
        (e: unknown) =>
          e instanceof EntenteError &&
          e.code === "identity.upstream_rejected" &&
          /objectGUID is binary.*guid, sid or base64/.test(e.message),
      );
    }
  });
});
