import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { sql } from "kysely";
import { describeOnDatabases } from "../helpers/databases.ts";
import {
  ENTERPRISE,
  entraUser,
  json,
  oktaUser,
  PATCH_OP,
  type ScimHarness,
  startScimHarness,
  VILLE,
} from "./scim-harness.ts";

/** The SCIM server's Users over HTTP, with Microsoft Entra ID's and Okta's payloads and quirks. */
describeOnDatabases("SCIM 2.0 Users (RFC 7644) over HTTP", (get) => {
  let h: ScimHarness;
  const now = () => new Date("2026-03-02T09:00:00Z");
  before(async () => {
    h = await startScimHarness(get(), now);
  });
  after(async () => {
    await h?.app.close();
  });

  const events = async (sub: string) =>
    (
      await sql<{ kind: string; payload: Record<string, unknown> }>`
        SELECT kind, payload FROM provisioning_event WHERE sub = ${sub} ORDER BY id`.execute(get().db)
    ).rows;
  const person = async (sub: string) =>
    (
      await sql<{ email: string; uid: string; groups: string[]; given_name: string }>`
        SELECT a.email, a.uid, a.groups, p.given_name FROM person_affiliation a JOIN person p USING (sub)
        WHERE a.sub = ${sub} AND a.member_id = 'ville-lyon'`.execute(get().db)
    ).rows[0];

  it("answers 401 in SCIM's format without a token, and 404 on another member's endpoint", async () => {
    const anonymous = await h.app.inject({ method: "GET", url: `${VILLE}/Users` });
    assert.equal(anonymous.statusCode, 401);
    assert.match(String(anonymous.headers["www-authenticate"]), /^Bearer/);
    assert.match(String(anonymous.headers["content-type"]), /^application\/scim\+json/);
    assert.deepEqual(json(anonymous).schemas, ["urn:ietf:params:scim:api:messages:2.0:Error"]);
    assert.equal(json(anonymous).status, "401");
    const forged = await h.app.inject({
      method: "GET",
      url: `${VILLE}/Users`,
      headers: { authorization: `Bearer ${h.tokens.ville}x` },
    });
    assert.equal(forged.statusCode, 401);
    const otherMember = await h.app.inject({
      method: "GET",
      url: `${VILLE}/Users`,
      headers: { authorization: `Bearer ${h.tokens.metropole}` },
    });
    assert.equal(otherMember.statusCode, 404);
    const otherEntente = await h.app.inject({
      method: "GET",
      url: "/scim/v2/autre/ville-lyon/Users",
      headers: { authorization: `Bearer ${h.tokens.ville}` },
    });
    assert.equal(otherEntente.statusCode, 404);
  });

  it("creates an Entra ID user: 201, Location, ETag, a person of the pivot directory and a 'created' event", async () => {
    const response = await h.scim("ville-lyon", "POST", "/Users", entraUser("jeanne.martin", "entra-oid-1"));
    assert.equal(response.statusCode, 201, response.body);
    const user = json(response);
    assert.equal(response.headers.location, `http://localhost:80${VILLE}/Users/${user.id}`);
    assert.equal(response.headers.etag, 'W/"1"');
    assert.deepEqual(user.schemas, ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE]);
    assert.equal((user[ENTERPRISE] as Record<string, unknown>).department, "Direction du numérique");
    assert.equal(user.active, true);
    assert.equal("meta" in user && (user.meta as Record<string, unknown>).resourceType, "User");
    const [row] = (
      await sql<{ sub: string }>`SELECT sub FROM scim_user WHERE id = ${String(user.id)}`.execute(get().db)
    ).rows;
    assert.ok(row?.sub);
    assert.equal((await person(row.sub))?.email, "jeanne.martin@ville-lyon.test");
    assert.equal((await person(row.sub))?.given_name, "Jeanne");
    assert.deepEqual(
      (await events(row.sub)).map((e) => e.kind),
      ["created"],
    );
  });

  it("finds a userName case-insensitively (caseExact=false) but an externalId case-sensitively", async () => {
    const byUserName = json(
      await h.scim(
        "ville-lyon",
        "GET",
        `/Users?filter=${encodeURIComponent('userName eq "Jeanne.MARTIN@Ville-Lyon.test"')}`,
      ),
    );
    assert.equal(byUserName.totalResults, 1);
    const exact = json(
      await h.scim("ville-lyon", "GET", `/Users?filter=${encodeURIComponent('externalId eq "entra-oid-1"')}`),
    );
    assert.equal(exact.totalResults, 1);
    const wrongCase = json(
      await h.scim("ville-lyon", "GET", `/Users?filter=${encodeURIComponent('externalId eq "ENTRA-OID-1"')}`),
    );
    assert.equal(wrongCase.totalResults, 0);
    const fromOtherMember = json(
      await h.scim(
        "metropole",
        "GET",
        `/Users?filter=${encodeURIComponent('userName eq "jeanne.martin@ville-lyon.test"')}`,
      ),
    );
    assert.equal(fromOtherMember.totalResults, 0);
  });

  it("answers a retried create with the same User, and a clash of userName with 409 uniqueness", async () => {
    const first = json(
      await h.scim(
        "ville-lyon",
        "GET",
        `/Users?filter=${encodeURIComponent('userName eq "jeanne.martin@ville-lyon.test"')}`,
      ),
    );
    const retry = await h.scim("ville-lyon", "POST", "/Users", entraUser("jeanne.martin", "entra-oid-1"));
    assert.equal(retry.statusCode, 201);
    assert.equal(json(retry).id, first.Resources?.[0]?.id);
    const clash = await h.scim("ville-lyon", "POST", "/Users", {
      ...entraUser("jeanne.martin", "entra-oid-2"),
      userName: "JEANNE.martin@ville-lyon.test",
    });
    assert.equal(clash.statusCode, 409);
    assert.equal(json(clash).scimType, "uniqueness");
  });

  it("suspends on Entra's PATCH {op: 'Replace', path: 'active', value: 'False'} and stores a boolean", async () => {
    const id = await idOf("jeanne.martin@ville-lyon.test");
    const patch = { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: "active", value: "False" }] };
    const response = await h.scim("ville-lyon", "PATCH", `/Users/${id}`, patch);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(json(response).active, false);
    assert.equal(response.headers.etag, 'W/"2"');
    const filtered = json(
      await h.scim("ville-lyon", "GET", `/Users?filter=${encodeURIComponent("active eq false")}`),
    );
    assert.deepEqual(
      filtered.Resources?.map((r) => r.id),
      [id],
    );
    const sub = await subOf(id);
    assert.deepEqual(
      (await events(sub)).map((e) => e.kind),
      ["created", "suspended"],
    );
  });

  it("applies a no-path replace with a value object, dotted and extension keys included, and reactivates", async () => {
    const id = await idOf("jeanne.martin@ville-lyon.test");
    const patch = {
      schemas: [PATCH_OP],
      Operations: [
        {
          op: "replace",
          value: { active: "True", displayName: "Jeanne M.", "name.givenName": "Jeanne-Marie" },
        },
        { op: "Add", path: `${ENTERPRISE}:department`, value: "DSI" },
        { op: "add", path: `${ENTERPRISE}:manager`, value: "boss-id" },
        { op: "replace", path: 'emails[type eq "work"].value', value: "jm.martin@ville-lyon.test" },
      ],
    };
    const response = await h.scim("ville-lyon", "PATCH", `/Users/${id}`, patch);
    assert.equal(response.statusCode, 200, response.body);
    const user = json(response);
    assert.equal(user.active, true);
    assert.equal(user.displayName, "Jeanne M.");
    assert.equal((user.name as Record<string, unknown>).givenName, "Jeanne-Marie");
    assert.deepEqual(user[ENTERPRISE], {
      department: "DSI",
      employeeNumber: "E-42",
      manager: { value: "boss-id" },
    });
    const sub = await subOf(id);
    assert.equal((await person(sub))?.email, "jm.martin@ville-lyon.test");
    assert.equal((await person(sub))?.given_name, "Jeanne-Marie");
    assert.equal((await events(sub)).at(-1)?.kind, "reactivated");
  });

  it("creates an Okta user (password ignored) and deprovisions it with PUT active=false", async () => {
    const created = await h.scim("ville-lyon", "POST", "/Users", oktaUser("paul.durand"));
    assert.equal(created.statusCode, 201, created.body);
    const user = json(created);
    assert.equal("password" in user, false);
    const put = await h.scim("ville-lyon", "PUT", `/Users/${user.id}`, {
      ...oktaUser("paul.durand"),
      active: false,
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(json(put).active, false);
    assert.equal((await events(await subOf(String(user.id)))).at(-1)?.kind, "suspended");
  });

  it("filters with co, sw, ew, pr, and, or, not, value paths and the enterprise extension", async () => {
    for (const local of ["alice", "albert", "bruno"])
      await h.scim("ville-lyon", "POST", "/Users", entraUser(local, `oid-${local}`));
    const names = async (filter: string) =>
      (json(await h.scim("ville-lyon", "GET", `/Users?filter=${encodeURIComponent(filter)}`)).Resources ?? [])
        .map((r) => String(r.userName).split("@")[0])
        .sort();
    assert.deepEqual(await names('userName sw "AL"'), ["albert", "alice"]);
    assert.deepEqual(await names('userName co "UNO"'), ["bruno"]);
    assert.deepEqual(await names('userName ew "@ville-lyon.test" and displayName eq "bruno"'), ["bruno"]);
    assert.deepEqual(await names('displayName eq "alice" or displayName eq "BRUNO"'), ["alice", "bruno"]);
    assert.deepEqual(await names("title pr"), []);
    assert.deepEqual(
      await names('not (userName sw "al") and externalId pr and emails[type eq "work" and value co "b"]'),
      ["bruno"],
    );
    assert.deepEqual(await names(`${ENTERPRISE}:employeeNumber eq "E-42" and userName sw "b"`), ["bruno"]);
    assert.deepEqual(await names('meta.created ge "2026-03-01T00:00:00Z" and userName sw "alb"'), ["albert"]);
  });

  it("pages with startIndex and count (RFC 7644 §3.4.2.4)", async () => {
    const all = json(await h.scim("ville-lyon", "GET", "/Users"));
    assert.equal(all.totalResults, 5);
    const page = json(await h.scim("ville-lyon", "GET", "/Users?startIndex=2&count=2"));
    assert.equal(page.totalResults, 5);
    assert.equal(page.startIndex, 2);
    assert.equal(page.itemsPerPage, 2);
    assert.deepEqual(
      page.Resources?.map((r) => r.id),
      all.Resources?.slice(1, 3).map((r) => r.id),
    );
    const countZero = json(await h.scim("ville-lyon", "GET", "/Users?count=0"));
    assert.equal(countZero.totalResults, 5);
    assert.deepEqual(countZero.Resources, []);
    const only = json(await h.scim("ville-lyon", "GET", "/Users?count=1&attributes=userName"));
    assert.deepEqual(Object.keys(only.Resources?.[0] ?? {}).sort(), ["id", "meta", "schemas", "userName"]);
  });

  it("honours ETags: 304 on If-None-Match, 412 on a stale If-Match", async () => {
    const id = await idOf("alice@ville-lyon.test");
    const read = await h.scim("ville-lyon", "GET", `/Users/${id}`);
    const etag = String(read.headers.etag);
    assert.equal(
      (await h.scim("ville-lyon", "GET", `/Users/${id}`, undefined, { "if-none-match": etag })).statusCode,
      304,
    );
    const patch = { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "title", value: "Cheffe" }] };
    assert.equal(
      (await h.scim("ville-lyon", "PATCH", `/Users/${id}`, patch, { "if-match": etag })).statusCode,
      200,
    );
    const stale = await h.scim("ville-lyon", "PATCH", `/Users/${id}`, patch, { "if-match": etag });
    assert.equal(stale.statusCode, 412);
  });

  it("refuses bad input with 400 and scimType, and changes nothing", async () => {
    const id = await idOf("alice@ville-lyon.test");
    const cases: [unknown, string][] = [
      [{ schemas: [PATCH_OP], Operations: [{ op: "move", path: "title", value: "x" }] }, "invalidSyntax"],
      [{ schemas: ["urn:wrong"], Operations: [{ op: "add", path: "title", value: "x" }] }, "invalidSyntax"],
      [{ schemas: [PATCH_OP], Operations: [{ op: "replace", path: "id", value: "x" }] }, "mutability"],
      [
        { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: "maybe" }] },
        "invalidValue",
      ],
      [{ schemas: [PATCH_OP], Operations: [{ op: "remove" }] }, "noTarget"],
    ];
    for (const [body, scimType] of cases) {
      const response = await h.scim("ville-lyon", "PATCH", `/Users/${id}`, body);
      assert.equal(response.statusCode, 400, JSON.stringify(body));
      assert.equal(json(response).scimType, scimType, JSON.stringify(body));
      assert.match(String(json(response).detail), /\w/);
    }
    const badFilter = await h.scim("ville-lyon", "GET", `/Users?filter=${encodeURIComponent("userName eq")}`);
    assert.equal(json(badFilter).scimType, "invalidFilter");
    const notJson = await h.app.inject({
      method: "POST",
      url: `${VILLE}/Users`,
      headers: { authorization: `Bearer ${h.tokens.ville}`, "content-type": "application/scim+json" },
      payload: "{not json",
    });
    assert.equal(notJson.statusCode, 400);
    assert.equal(json(notJson).scimType, "invalidSyntax");
    const foreignDomain = await h.scim(
      "ville-lyon",
      "POST",
      "/Users",
      entraUser("x", "oid-x", "metropole.test"),
    );
    assert.equal(foreignDomain.statusCode, 400);
    assert.equal(json(foreignDomain).scimType, "invalidValue");
    assert.match(String(json(foreignDomain).detail), /metropole\.test/);
    assert.equal(json(await h.scim("ville-lyon", "GET", `/Users/${id}`)).title, "Cheffe");
  });

  it("keeps each member's Users out of the other member's reach (404)", async () => {
    const id = await idOf("alice@ville-lyon.test");
    for (const method of ["GET", "DELETE"] as const)
      assert.equal((await h.scim("metropole", method, `/Users/${id}`)).statusCode, 404);
    const patch = { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: false }] };
    assert.equal((await h.scim("metropole", "PATCH", `/Users/${id}`, patch)).statusCode, 404);
    assert.equal((await h.scim("ville-lyon", "GET", "/Users/not-a-uuid")).statusCode, 404);
  });

  it("deletes a User: 204, then 404, and a 'deleted' event", async () => {
    const id = await idOf("albert@ville-lyon.test");
    const sub = await subOf(id);
    assert.equal((await h.scim("ville-lyon", "DELETE", `/Users/${id}`)).statusCode, 204);
    assert.equal((await h.scim("ville-lyon", "GET", `/Users/${id}`)).statusCode, 404);
    assert.equal((await events(sub)).at(-1)?.kind, "deleted");
  });

  async function idOf(userName: string): Promise<string> {
    const found = json(
      await h.scim("ville-lyon", "GET", `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`),
    );
    return String(found.Resources?.[0]?.id);
  }
  async function subOf(id: string): Promise<string> {
    const [row] = (await sql<{ sub: string }>`SELECT sub FROM scim_user WHERE id = ${id}`.execute(get().db))
      .rows;
    return String(row?.sub);
  }
});
