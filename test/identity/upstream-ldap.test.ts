import assert from "node:assert/strict";
import { createServer, type Server, type Socket } from "node:net";
import { after, before, describe, it } from "node:test";
import { createLdapConnector } from "../../src/identity/upstream/ldap-connector.ts";
import { EntenteError } from "../../src/shared/errors.ts";
import { ldapPeer, ldapSource } from "../helpers/upstream-peers.ts";

/** Integration: the LDAP connector against the real slapd of ci/identity/slapd (TLS included). */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<EntenteError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof EntenteError, `expected an EntenteError, got ${String(error)}`);
    assert.equal(error.code, code, `${error.code}: ${error.message}`);
    return error;
  }
  assert.fail(`expected ${code}, the promise resolved`);
}

describe("LDAP connector against slapd", () => {
  const ldap = createLdapConnector();

  it("signs alice in by uid: her attributes, her groups from memberOf, her entryUUID as id", async () => {
    const identity = await ldap.authenticate(ldapSource(), "alice.martin", "alice-secret");
    assert.equal(identity.sourceId, "src-ldap-metropole");
    assert.match(identity.upstreamId, UUID);
    assert.deepEqual(identity.attributes.entryUUID, [identity.upstreamId]);
    assert.deepEqual(identity.attributes.mail, ["alice.martin@metropole.entente.test"]);
    assert.deepEqual(identity.attributes.givenName, ["Alice"]);
    assert.deepEqual(identity.attributes.sn, ["Martin"]);
    assert.deepEqual([...(identity.attributes.memberOf ?? [])].sort(), [
      "admins-metropole",
      "agents-metropole",
      "referents",
    ]);
    assert.deepEqual(identity.amr, ["pwd"]);
    assert.equal(identity.acr, null);
  });

  it("gives the same id on every sign-in and finds the person by email too", async () => {
    const byUid = await ldap.authenticate(ldapSource(), "alice.martin", "alice-secret");
    const byMail = await ldap.authenticate(
      ldapSource(),
      "alice.martin@metropole.entente.test",
      "alice-secret",
    );
    assert.equal(byMail.upstreamId, byUid.upstreamId);
  });

  it("reads UTF-8 values as they are (Chloé)", async () => {
    const identity = await ldap.authenticate(ldapSource(), "chloe.dubois", "chloe-secret");
    assert.deepEqual(identity.attributes.givenName, ["Chloé"]);
  });

  it("refuses a wrong password as invalid credentials", async () => {
    await rejectsWith(
      ldap.authenticate(ldapSource(), "alice.martin", "not-her-password"),
      "identity.invalid_credentials",
    );
  });

  it("refuses an unknown login with the same answer as a wrong password", async () => {
    await rejectsWith(
      ldap.authenticate(ldapSource(), "nobody.here", "whatever"),
      "identity.invalid_credentials",
    );
  });

  it("refuses an empty password before any bind (RFC 4513 §5.1.2 unauthenticated bind)", async () => {
    // slapd itself would accept the unauthenticated bind: the connector must not get that far.
    await rejectsWith(ldap.authenticate(ldapSource(), "alice.martin", ""), "identity.invalid_credentials");
  });

  it("escapes the login: the filter injection `*)(uid=*` matches nobody", async () => {
    // Unescaped, `(uid=*)(uid=*)` would match all six people (→ several entries) or the first one.
    await rejectsWith(
      ldap.authenticate(ldapSource(), "*)(uid=*", "alice-secret"),
      "identity.invalid_credentials",
    );
    await rejectsWith(ldap.authenticate(ldapSource(), "*", "alice-secret"), "identity.invalid_credentials");
    await rejectsWith(
      ldap.authenticate(ldapSource(), "alice*", "alice-secret"),
      "identity.invalid_credentials",
    );
  });

  it("refuses a filter that matches several entries (nothing is linked to the wrong person)", async () => {
    const source = ldapSource({ searchFilter: "(&(objectClass=inetOrgPerson)(o={login}))" });
    const error = await rejectsWith(
      ldap.authenticate(source, "ville", "david-secret"),
      "identity.upstream_rejected",
    );
    assert.match(String(error.details.reason), /several/);
  });

  it("searches anonymously when no service account is set; slapd's ACL hides the base: a source error, not the person's", async () => {
    const source = ldapSource({ bindDn: null }, null);
    const error = await rejectsWith(
      ldap.authenticate(source, "alice.martin", "alice-secret"),
      "identity.upstream_rejected",
    );
    assert.match(String(error.details.reason), /LDAP result 32 at search/); // noSuchObject (RFC 4511 §4.1.9)
  });

  it("says the source is misconfigured when the service account is refused", async () => {
    const source = ldapSource({}, "not-the-reader-password");
    const error = await rejectsWith(
      ldap.authenticate(source, "alice.martin", "alice-secret"),
      "identity.upstream_rejected",
    );
    assert.match(String(error.details.reason), /service account/);
  });

  it("turns an AD-like binary objectGUID into its UUID text (idEncoding guid)", async () => {
    const source = ldapSource({ idAttribute: "objectGUID", idEncoding: "guid" });
    const identity = await ldap.authenticate(source, "farid.haddad", "farid-secret");
    assert.equal(identity.upstreamId, "6b29fc40-ca47-1067-b31d-00dd010662da");
    assert.deepEqual(identity.attributes.mail, ["farid.haddad@ville.entente.test"]);
  });

  it("refuses a person without the identifier attribute", async () => {
    const source = ldapSource({ idAttribute: "objectGUID", idEncoding: "guid" });
    const error = await rejectsWith(
      ldap.authenticate(source, "emma.petit", "emma-secret"),
      "identity.upstream_rejected",
    );
    assert.match(String(error.details.reason), /objectGUID/);
  });

  describe("TLS", () => {
    it("upgrades ldap:// with StartTLS, trusting the source's CA", async () => {
      const source = ldapSource({ startTls: true, tlsCaPem: ldapPeer.caPem() });
      const identity = await ldap.authenticate(source, "emma.petit", "emma-secret");
      assert.deepEqual(identity.attributes.uid, ["emma.petit"]);
    });

    it("connects with ldaps://, trusting the source's CA", async () => {
      const source = ldapSource({ url: ldapPeer.ldapsUrl, tlsCaPem: ldapPeer.caPem() });
      const identity = await ldap.authenticate(source, "david.bernard", "david-secret");
      assert.deepEqual(identity.attributes.uid, ["david.bernard"]);
    });

    it("refuses StartTLS when the directory's certificate is not signed by the source's CA", async () => {
      const source = ldapSource({ startTls: true, tlsCaPem: ldapPeer.otherCaPem() });
      await rejectsWith(
        ldap.authenticate(source, "emma.petit", "emma-secret"),
        "identity.source_unreachable",
      );
    });

    it("refuses ldaps:// with another CA, and with the system's CAs", async () => {
      const wrongCa = ldapSource({ url: ldapPeer.ldapsUrl, tlsCaPem: ldapPeer.otherCaPem() });
      await rejectsWith(
        ldap.authenticate(wrongCa, "emma.petit", "emma-secret"),
        "identity.source_unreachable",
      );
      const systemCas = ldapSource({ url: ldapPeer.ldapsUrl, tlsCaPem: null });
      await rejectsWith(
        ldap.authenticate(systemCas, "emma.petit", "emma-secret"),
        "identity.source_unreachable",
      );
    });
  });

  describe("an unreachable directory", () => {
    let silent: Server;
    let silentPort = 0;
    const sockets = new Set<Socket>();
    let accepted = 0;

    before(async () => {
      // Accepts TCP connections and never answers: only the timeout can end the sign-in.
      silent = createServer((socket) => {
        accepted += 1;
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      silentPort = (silent.address() as { port: number }).port;
    });
    after(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });

    it("a refused connection is source_unreachable", async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
      const port = (closed.address() as { port: number }).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const source = ldapSource({ url: `ldap://127.0.0.1:${port}`, timeoutSeconds: 1 });
      await rejectsWith(
        ldap.authenticate(source, "alice.martin", "alice-secret"),
        "identity.source_unreachable",
      );
    });

    it("a directory that never answers is source_unreachable once the timeout passes", {
      timeout: 15_000,
    }, async () => {
      const source = ldapSource({ url: `ldap://127.0.0.1:${silentPort}`, timeoutSeconds: 1 });
      await rejectsWith(
        ldap.authenticate(source, "alice.martin", "alice-secret"),
        "identity.source_unreachable",
      );
      assert.ok(accepted > 0, "the connector never reached the silent server");
    });
  });
});
