import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { createIdentityDirectory } from "../../src/identity/app/identity-directory.ts";
import { createIdentityDirectoryStore } from "../../src/identity/db/identity-directory-store.ts";
import { createIdentityEventStore } from "../../src/identity/db/identity-event-store.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import type { ConsoleClient, Reply } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LDAP_SOURCE, normalized, upstream } from "../identity/directory-fixtures.ts";
import { AUTRE_API, LYON_API, startTwoEntentesAdmin } from "./identity-admin-harness.ts";

// Issue 10, item 1: an entente sees and changes only its own objects. Every route of the identity
// administration that takes an id is called by entente "autre"'s secretariat, on its own path,
// with the id of one of Lyon's objects and with an unknown id: both answers must be the same
// (status and body, the id aside), and Lyon's objects must be unchanged afterwards.

const UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000";

const SERVICE = {
  name: "Visio",
  redirectUris: ["https://visio.lyon.test/callback"],
  postLogoutRedirectUris: [],
  backchannelLogoutUri: null,
  grantTypes: ["authorization_code"],
  tokenEndpointAuthMethod: "client_secret_basic",
  scopes: ["openid", "email"],
  policy: { memberIds: null, roles: null, groups: null },
  requiredAcr: null,
  enabled: true,
};

/** The answer with `id` written as `<id>`: what a foreign and an unknown id must share. */
function shape(reply: Reply, id: string): string {
  return `${reply.status} ${reply.raw.toString().split(id).join("<id>").split(encodeURIComponent(id)).join("<id>")}`;
}

describeOnDatabases("identity administration: another entente's objects answer as unknown ones", (get) => {
  let app: ZodFastifyInstance;
  let lyon: ConsoleClient;
  let autre: ConsoleClient;
  const ids = { source: "", sub: "", clientId: "", eventId: "" };

  before(async () => {
    ({ app, lyon, autre } = await startTwoEntentesAdmin(get()));
    await seedLyon(get().db);
  });
  after(async () => app.close());

  /** Lyon's source, domains, registered address, service, a person with a declared affiliation, events. */
  async function seedLyon(db: ReturnType<typeof get>["db"]): Promise<void> {
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
    const service = await lyon.send("POST", `${LYON_API}/services`, SERVICE);
    assert.equal(service.status, 201, service.raw.toString());
    ids.clientId = service.json().service.clientId;
    const directory = createIdentityDirectory(createIdentityDirectoryStore(db));
    const found = await directory.findSource(ids.source);
    assert.ok(found);
    ids.sub = (await directory.resolvePerson(found, upstream(ids.source, "uuid-lyon"), normalized())).sub;
    const declared = await lyon.send("POST", `${LYON_API}/persons/${ids.sub}/affiliations`, {
      memberId: "metropole",
      role: "agent",
      email: null,
      groups: [],
    });
    assert.equal(declared.status, 200, declared.raw.toString());
    // The premise of the attack: Lyon's person tried one of autre's services, so autre's log has the sub.
    const events = createIdentityEventStore(db);
    const event = {
      at: new Date("2026-01-10T09:00:00Z"),
      sub: ids.sub,
      clientId: "svc",
      sourceId: ids.source,
      code: null,
      requestId: "req-1",
      ip: "127.0.0.1",
      details: {},
      memberId: "ville-lyon",
    };
    await events.record({ ...event, ententeId: "lyon", kind: "sign_in" });
    await events.record({
      ...event,
      at: new Date("2026-01-11T09:00:00Z"),
      ententeId: "autre",
      kind: "sign_in_refused",
      code: "identity.service_refused",
    });
    const lyonEvents = await lyon.send("GET", `${LYON_API}/events`);
    ids.eventId = lyonEvents.json().events[0].id;
  }

  /** Calls `path(id)` with Lyon's id and an unknown one; both must answer alike and refuse. */
  async function assertAlike(
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: (id: string) => string,
    foreignId: string,
    unknownId: string,
    body?: (id: string) => unknown,
  ): Promise<void> {
    const foreign = await autre.send(method, path(foreignId), body?.(foreignId));
    const unknown = await autre.send(method, path(unknownId), body?.(unknownId));
    const label = `${method} ${path("<id>")}`;
    assert.ok(foreign.status >= 400, `${label}: ${shape(foreign, foreignId)}`);
    assert.equal(shape(foreign, foreignId), shape(unknown, unknownId), label);
    for (const secret of ["Martin", "Éloïse", "emartin", "eloise.martin", "Annuaire", "Visio"]) {
      assert.ok(!foreign.raw.toString().includes(secret), `${label} shows ${secret}`);
    }
  }

  it("persons: read, declare (the takeover of issue 10) and remove answer as for an unknown sub", async () => {
    const unknownSub = "f".repeat(ids.sub.length);
    await assertAlike("GET", (sub) => `${AUTRE_API}/persons/${sub}`, ids.sub, unknownSub);
    const declare = () => ({ memberId: "ville-lyon", role: "elu", email: "elu@ville-lyon.test", groups: [] });
    await assertAlike(
      "POST",
      (sub) => `${AUTRE_API}/persons/${sub}/affiliations`,
      ids.sub,
      unknownSub,
      declare,
    );
    const declareDefault = () => ({ memberId: "metropole", role: "elu", email: null, groups: [] });
    await assertAlike(
      "POST",
      (sub) => `${AUTRE_API}/persons/${sub}/affiliations`,
      ids.sub,
      unknownSub,
      declareDefault,
    );
    await assertAlike(
      "DELETE",
      (sub) => `${AUTRE_API}/persons/${sub}/affiliations/metropole`,
      ids.sub,
      unknownSub,
    );
    const search = await autre.send("GET", `${AUTRE_API}/persons?q=martin`);
    assert.equal(search.status, 200);
    assert.equal(search.json().total, 0);
  });

  it("sources, domains, addresses: read, change, delete and reference answer as for unknown ones", async () => {
    const { secret: _secret, ...noSecret } = LDAP_SOURCE;
    await assertAlike("GET", (id) => `${AUTRE_API}/sources/${id}`, ids.source, UNKNOWN_UUID);
    await assertAlike(
      "PUT",
      (id) => `${AUTRE_API}/sources/${id}`,
      ids.source,
      UNKNOWN_UUID,
      () => ({
        ...noSecret,
        label: "Pris",
        rowVersion: 1,
      }),
    );
    await assertAlike("DELETE", (id) => `${AUTRE_API}/sources/${id}`, ids.source, UNKNOWN_UUID);
    await assertAlike("DELETE", (d) => `${AUTRE_API}/domains/${d}`, "ville-lyon.test", "inconnu.test");
    await assertAlike(
      "DELETE",
      (e) => `${AUTRE_API}/addresses/${encodeURIComponent(e)}`,
      "maire@perso.test",
      "nul@perso.test",
    );
    // A body naming Lyon's source: a domain or an address of autre cannot lead to it.
    const domain = (sourceId: string) => ({ domain: "autre-ville.test", memberId: "ville-lyon", sourceId });
    await assertAlike("POST", () => `${AUTRE_API}/domains`, ids.source, UNKNOWN_UUID, domain);
    const address = (sourceId: string) => ({
      email: "x@autre.test",
      memberId: "ville-lyon",
      sourceId,
      role: null,
      note: null,
    });
    await assertAlike("POST", () => `${AUTRE_API}/addresses`, ids.source, UNKNOWN_UUID, address);
  });

  it("services: read, change, rotate and delete answer as for an unknown client id", async () => {
    const unknown = "f".repeat(ids.clientId.length);
    await assertAlike("GET", (id) => `${AUTRE_API}/services/${id}`, ids.clientId, unknown);
    await assertAlike(
      "PUT",
      (id) => `${AUTRE_API}/services/${id}`,
      ids.clientId,
      unknown,
      () => ({
        ...SERVICE,
        redirectUris: ["https://pirate.test/cb"],
        rowVersion: 1,
      }),
    );
    await assertAlike("POST", (id) => `${AUTRE_API}/services/${id}/secret`, ids.clientId, unknown);
    await assertAlike("DELETE", (id) => `${AUTRE_API}/services/${id}`, ids.clientId, unknown);
  });

  it("sign-in log: autre sees its own events only; Lyon's event id is no cursor", async () => {
    const bySub = await autre.send("GET", `${AUTRE_API}/events?sub=${ids.sub}`);
    assert.deepEqual(
      bySub.json().events.map((e: { kind: string }) => e.kind),
      ["sign_in_refused"],
    );
    const foreign = await autre.send("GET", `${AUTRE_API}/events?before=${ids.eventId}`);
    const unknown = await autre.send("GET", `${AUTRE_API}/events?before=999999999`);
    assert.equal(foreign.status, 200);
    assert.deepEqual(foreign.json(), unknown.json());
    assert.equal(foreign.json().events.length, 1);
  });

  it("Lyon's objects are unchanged after autre's attempts", async () => {
    const person = (await lyon.send("GET", `${LYON_API}/persons/${ids.sub}`)).json();
    assert.deepEqual(
      person.affiliations
        .map((a: { memberId: string; role: string; email: string }) => [a.memberId, a.role, a.email])
        .sort(),
      [
        ["metropole", "agent", "eloise.martin@ville-lyon.test"],
        ["ville-lyon", "agent", "eloise.martin@ville-lyon.test"],
      ].sort(),
    );
    const source = await lyon.send("GET", `${LYON_API}/sources/${ids.source}`);
    assert.equal(source.json().label, "Annuaire de la Ville");
    assert.equal(source.json().rowVersion, 1);
    const service = await lyon.send("GET", `${LYON_API}/services/${ids.clientId}`);
    assert.deepEqual(service.json().redirectUris, SERVICE.redirectUris);
    assert.equal((await lyon.send("GET", `${LYON_API}/domains`)).json().length, 2);
    assert.equal((await lyon.send("GET", `${LYON_API}/addresses`)).json().length, 1);
    // The autre person list never got Lyon's person through a declared affiliation.
    assert.equal((await autre.send("GET", `${AUTRE_API}/persons`)).json().total, 0);
  });
});
