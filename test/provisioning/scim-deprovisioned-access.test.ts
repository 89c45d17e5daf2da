import assert from "node:assert/strict";
import { before, it } from "node:test";
import { createIdentityDirectoryStore } from "../../src/identity/db/identity-directory-store.ts";
import { savePerson } from "../../src/identity/db/save-person.ts";
import { getEntitlements } from "../../src/workplace/app/entitlements.ts";
import type { CatalogueEntry } from "../../src/workplace/domain/catalogue-entry.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { VILLE_SIRET } from "../workplace/workplace-fixtures.ts";
import { entraUser, json, PATCH_OP } from "./scim-harness.ts";
import { type SubscribedHarness, startSubscribedHarness } from "./subscription-fixture.ts";

/**
 * A person the member's directory suspends (SCIM `active: false`) or deletes is admitted nowhere
 * any more: the services' entitlements answer `can_access: false`, a sign-in through the member's
 * source finds no affiliation to it; made active again (or created anew), admitted again.
 */
describeOnDatabases("provisioning: a deprovisioned person is not admitted", (get) => {
  let s: SubscribedHarness;
  let entry: CatalogueEntry;
  const now = new Date("2026-03-02T09:00:00Z");
  const EMAIL = "jeanne@ville-lyon.test";

  const canAccess = async () =>
    (
      await getEntitlements(s.workplace.deps, entry, {
        serviceId: entry.clientId,
        accountType: "user",
        siret: VILLE_SIRET,
        accountEmail: EMAIL,
      })
    ).entitlements.can_access;

  /** A sign-in through the Ville de Lyon's source as the User's person (what the flow reads back). */
  const signIn = async (upstreamId: string) => {
    const source = await createIdentityDirectoryStore(get().db, { clock: { now: () => now } }).findSource(
      s.h.villeSourceId,
    );
    assert.ok(source !== null);
    const person = await savePerson(
      get().db,
      source,
      { sourceId: source.id, upstreamId, attributes: {}, amr: [], acr: null },
      {
        givenName: "Jeanne",
        familyName: "Martin",
        usualName: "Martin",
        email: EMAIL,
        emailVerified: true,
        uid: EMAIL,
        groups: [],
        role: "agent",
      },
      { now, newId: () => crypto.randomUUID() },
    );
    return person.affiliations.map((a) => a.memberId);
  };

  const setActive = async (id: string, value: unknown) => {
    const reply = await s.h.scim("ville-lyon", "PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", path: "active", value }],
    });
    assert.equal(reply.statusCode, 200, reply.body);
  };

  before(async () => {
    s = await startSubscribedHarness(get(), () => now);
    const clientId = await s.catalogue("Fichiers");
    await s.subscribe(clientId);
    const found = await s.workplace.deps.catalogue.find("lyon", clientId);
    assert.ok(found !== null);
    entry = found;
  });

  it("PATCH active=false refuses the person, active=true admits them again", async () => {
    const created = await s.h.scim("ville-lyon", "POST", "/Users", entraUser("jeanne", "entra-jeanne"));
    assert.equal(created.statusCode, 201, created.body);
    const id = String(json(created).id);
    assert.equal(await canAccess(), true, "an active User's person is admitted");
    assert.deepEqual(await signIn("entra-jeanne"), ["ville-lyon"]);

    await setActive(id, "False");
    assert.equal(await canAccess(), false, "a suspended User's person is refused");
    assert.deepEqual(await signIn("entra-jeanne"), [], "a sign-in through the source does not lift it");
    assert.equal(await canAccess(), false, "still refused after that sign-in");

    await setActive(id, true);
    assert.equal(await canAccess(), true, "the User active again: admitted again");
    assert.deepEqual(await signIn("entra-jeanne"), ["ville-lyon"]);

    assert.equal((await s.h.scim("ville-lyon", "DELETE", `/Users/${id}`)).statusCode, 204);
  });

  it("DELETE refuses the person; the User created again admits them", async () => {
    const created = await s.h.scim("ville-lyon", "POST", "/Users", entraUser("jeanne", "entra-jeanne"));
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(await canAccess(), true);

    const deleted = await s.h.scim("ville-lyon", "DELETE", `/Users/${String(json(created).id)}`);
    assert.equal(deleted.statusCode, 204, deleted.body);
    assert.equal(await canAccess(), false, "a deleted User's person is refused");
    assert.deepEqual(await signIn("entra-jeanne"), [], "nor let in by a sign-in through the source");

    const again = await s.h.scim("ville-lyon", "POST", "/Users", entraUser("jeanne", "entra-jeanne"));
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(await canAccess(), true, "created again: admitted again");
  });
});
