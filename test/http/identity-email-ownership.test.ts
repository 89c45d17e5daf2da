import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { createIdentityDirectory } from "../../src/identity/app/identity-directory.ts";
import { createIdentityDirectoryStore } from "../../src/identity/db/identity-directory-store.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import type { ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LDAP_SOURCE, normalized, upstream } from "../identity/directory-fixtures.ts";
import { LYON_API, startTwoEntentesAdmin } from "./identity-admin-harness.ts";

// Issue 10, items 1 and 7, through the real routes: who owns an email. A declared affiliation's
// email obeys a source's rule; no member owns a shared consumer mail domain.

describeOnDatabases("identity administration: email ownership", (get) => {
  let app: ZodFastifyInstance;
  let lyon: ConsoleClient;
  const ids = { source: "", sub: "" };

  before(async () => {
    ({ app, lyon } = await startTwoEntentesAdmin(get(), { sharedMailDomains: ["webmail.test"] }));
    const source = await lyon.send("POST", `${LYON_API}/sources`, LDAP_SOURCE);
    assert.equal(source.status, 201, source.raw.toString());
    ids.source = source.json().id;
    for (const [domain, memberId] of [
      ["ville-lyon.test", "ville-lyon"],
      ["metropole.test", "metropole"],
    ]) {
      const added = await lyon.send("POST", `${LYON_API}/domains`, { domain, memberId, sourceId: null });
      assert.equal(added.status, 201, added.raw.toString());
    }
    const address = {
      email: "maire@perso.test",
      memberId: "ville-lyon",
      sourceId: ids.source,
      role: "elu",
      note: null,
    };
    assert.equal((await lyon.send("POST", `${LYON_API}/addresses`, address)).status, 201);
    const directory = createIdentityDirectory(createIdentityDirectoryStore(get().db));
    const found = await directory.findSource(ids.source);
    assert.ok(found);
    ids.sub = (await directory.resolvePerson(found, upstream(ids.source, "uuid-lyon"), normalized())).sub;
  });
  after(async () => app.close());

  it("a declared email obeys a source's rule: the member's domain, its registered address, or the person's own", async () => {
    const declare = (email: string | null) =>
      lyon.send("POST", `${LYON_API}/persons/${ids.sub}/affiliations`, {
        memberId: "metropole",
        role: "elu",
        email,
        groups: [],
      });
    // Another member's domain, an address registered for another member, nobody's domain.
    for (const email of ["collegue@ville-lyon.test", "maire@perso.test", "quelquun@gmail.test"]) {
      const refused = await declare(email);
      assert.equal(refused.status, 422, `${email}: ${refused.raw.toString()}`);
      assert.equal(refused.json().code, "identity.email_not_owned");
      assert.match(refused.json().detail, new RegExp(`${email}.*metropole`));
    }
    const own = await lyon.send("GET", `${LYON_API}/persons/${ids.sub}`);
    assert.deepEqual(
      own.json().affiliations.map((a: { memberId: string }) => a.memberId),
      ["ville-lyon"],
      "nothing was half-declared",
    );
    for (const email of ["eloise.martin@metropole.test", "ELOISE.MARTIN@ville-lyon.test", null]) {
      const accepted = await declare(email);
      assert.equal(accepted.status, 200, `${email}: ${accepted.raw.toString()}`);
    }
  });

  it("a shared consumer mail domain is refused as a member domain (built-in and configured)", async () => {
    for (const domain of [
      "gmail.com",
      "Outlook.FR",
      "orange.fr",
      "free.fr",
      "laposte.net",
      "yahoo.fr",
      "webmail.test",
    ]) {
      const refused = await lyon.send("POST", `${LYON_API}/domains`, {
        domain,
        memberId: "ville-lyon",
        sourceId: null,
      });
      assert.equal(refused.status, 422, `${domain}: ${refused.raw.toString()}`);
      assert.equal(refused.json().code, "identity.domain_shared");
      assert.match(refused.json().detail, new RegExp(domain.toLowerCase().replace(".", "\\.")));
    }
    const domains = (await lyon.send("GET", `${LYON_API}/domains`)).json();
    assert.deepEqual(domains.map((d: { domain: string }) => d.domain).sort(), [
      "metropole.test",
      "ville-lyon.test",
    ]);
    // Their addresses are registered one by one.
    const elu = {
      email: "jean.dupont@gmail.com",
      memberId: "metropole",
      sourceId: null,
      role: "elu",
      note: null,
    };
    const withSource = await lyon.send("POST", `${LYON_API}/sources`, {
      ...LDAP_SOURCE,
      memberId: "metropole",
      label: "Élus",
    });
    const registered = await lyon.send("POST", `${LYON_API}/addresses`, {
      ...elu,
      sourceId: withSource.json().id,
    });
    assert.equal(registered.status, 201, registered.raw.toString());
  });
});
