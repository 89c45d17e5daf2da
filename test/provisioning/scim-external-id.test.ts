import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { sql } from "kysely";
import { describeOnDatabases } from "../helpers/databases.ts";
import { entraUser, json, PATCH_OP, type ScimHarness, startScimHarness } from "./scim-harness.ts";

/**
 * One externalId, one User, one person (RFC 7643 §3.1: the provisioning client's identifier of
 * the resource), and bounded string lengths: what a fresh-user tester found accepted.
 */
describeOnDatabases("SCIM 2.0 externalId uniqueness and attribute lengths", (get) => {
  let h: ScimHarness;
  const now = () => new Date("2026-03-02T09:00:00Z");
  before(async () => {
    h = await startScimHarness(get(), now);
  });
  after(async () => {
    await h?.app.close();
  });

  const rows = async () =>
    (
      await sql<{ user_name: string; sub: string | null; external_id: string | null }>`
        SELECT user_name, sub, external_id FROM scim_user WHERE member_id = 'ville-lyon'
        ORDER BY user_name`.execute(get().db)
    ).rows;
  const uidOf = async (sub: string) =>
    (
      await sql<{ uid: string }>`
        SELECT uid FROM person_affiliation WHERE sub = ${sub} AND member_id = 'ville-lyon'`.execute(get().db)
    ).rows[0]?.uid;
  const second = (externalId: string) => ({
    ...entraUser("douze", externalId),
    userName: "12",
    emails: [{ primary: true, type: "work", value: "douze@ville-lyon.test" }],
  });

  it("refuses a second User with a taken externalId (409 uniqueness) and leaves the first person as it was", async () => {
    const first = await h.scim("ville-lyon", "POST", "/Users", entraUser("jean.dupont", "e1"));
    assert.equal(first.statusCode, 201, first.body);
    const before = await rows();
    const sub = before.find((r) => r.external_id === "e1")?.sub;
    assert.ok(sub);
    const uid = await uidOf(sub);
    const clash = await h.scim("ville-lyon", "POST", "/Users", second("e1"));
    assert.equal(clash.statusCode, 409, clash.body);
    assert.equal(json(clash).scimType, "uniqueness");
    assert.match(String(json(clash).detail), /externalId "e1"/);
    assert.deepEqual(await rows(), before, "nothing stored");
    assert.equal(await uidOf(sub), uid, "the person's uid did not flip");
  });

  it("refuses PUT and PATCH that change externalId to a taken one, and an externalId that is another User's id", async () => {
    const other = await h.scim("ville-lyon", "POST", "/Users", second("e2"));
    assert.equal(other.statusCode, 201, other.body);
    const id = String(json(other).id);
    const put = await h.scim("ville-lyon", "PUT", `/Users/${id}`, second("e1"));
    assert.equal(put.statusCode, 409, put.body);
    assert.equal(json(put).scimType, "uniqueness");
    const patch = await h.scim("ville-lyon", "PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "externalId", value: "e1" }],
    });
    assert.equal(patch.statusCode, 409, patch.body);
    assert.equal(json(patch).scimType, "uniqueness");
    // A User without externalId is linked by its id: that id is taken as a link key too.
    const bare = { ...entraUser("sans.id", "x"), externalId: undefined };
    const created = await h.scim("ville-lyon", "POST", "/Users", bare);
    assert.equal(created.statusCode, 201, created.body);
    const borrow = await h.scim("ville-lyon", "PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", path: "externalId", value: String(json(created).id) }],
    });
    assert.equal(borrow.statusCode, 409, borrow.body);
    const subs = (await rows()).map((r) => r.sub);
    assert.equal(new Set(subs).size, subs.length, "no two Users share a person");
    // Deactivating "12" suspends only its own person.
    const off = await h.scim("ville-lyon", "PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", path: "active", value: "False" }],
    });
    assert.equal(off.statusCode, 200, off.body);
    const jean = await h.scim("ville-lyon", "GET", '/Users?filter=externalId eq "e1"');
    assert.equal((json(jean).Resources as { active: boolean }[])[0]?.active, true);
  });

  it("keeps a retried create idempotent and lets a User keep its own externalId on PUT", async () => {
    const jean = json(await h.scim("ville-lyon", "GET", '/Users?filter=externalId eq "e1"'));
    const retry = await h.scim("ville-lyon", "POST", "/Users", entraUser("jean.dupont", "e1"));
    assert.equal(retry.statusCode, 201, retry.body);
    const id = String(json(retry).id);
    assert.equal(id, (jean.Resources as { id: string }[])[0]?.id);
    const put = await h.scim("ville-lyon", "PUT", `/Users/${id}`, entraUser("jean.dupont", "e1"));
    assert.equal(put.statusCode, 200, put.body);
  });

  it("the same externalId at another member is another resource", async () => {
    const response = await h.scim(
      "metropole",
      "POST",
      "/Users",
      entraUser("jean.dupont", "e1", "metropole.test"),
    );
    assert.notEqual(response.statusCode, 409, response.body);
  });

  it("refuses over-long strings with 400 invalidValue naming the attribute, storing nothing", async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ["userName", { userName: `${"a".repeat(10_000)}@ville-lyon.test` }, /"userName".*256/],
      ["givenName", { name: { givenName: "J".repeat(100_000), familyName: "D" } }, /"name\.givenName".*256/],
      ["displayName", { displayName: "D".repeat(257) }, /"displayName".*256/],
      ["department", { title: "t".repeat(1025) }, /"title".*1024/],
    ];
    const before = await rows();
    for (const [label, patch, message] of cases) {
      const response = await h.scim("ville-lyon", "POST", "/Users", {
        ...entraUser("long", `long-${label}`),
        ...patch,
      });
      assert.equal(response.statusCode, 400, `${label}: ${response.body}`);
      assert.equal(json(response).scimType, "invalidValue", label);
      assert.match(String(json(response).detail), message, label);
    }
    assert.deepEqual(await rows(), before);
    const atLimit = await h.scim("ville-lyon", "POST", "/Users", {
      ...entraUser("limite", "limite"),
      name: { givenName: "G".repeat(256), familyName: "F" },
    });
    assert.equal(atLimit.statusCode, 201, atLimit.body);
  });
});
