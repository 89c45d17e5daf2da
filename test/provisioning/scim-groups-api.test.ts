import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { sql } from "kysely";
import { describeOnDatabases } from "../helpers/databases.ts";
import { entraUser, json, PATCH_OP, type ScimHarness, startScimHarness } from "./scim-harness.ts";

const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

/** Groups (RFC 7643 §4.2) with Entra ID's and Okta's membership PATCHes, and the discovery endpoints. */
describeOnDatabases("SCIM 2.0 Groups and discovery over HTTP", (get) => {
  let h: ScimHarness;
  const ids: Record<string, string> = {};
  before(async () => {
    h = await startScimHarness(get(), () => new Date("2026-03-02T09:00:00Z"));
    for (const local of ["ana", "bob", "cyd"]) {
      const created = await h.scim("ville-lyon", "POST", "/Users", entraUser(local, `oid-${local}`));
      ids[local] = String(json(created).id);
    }
  });
  after(async () => {
    await h?.app.close();
  });

  /** The pivot groups of a person of the Ville de Lyon. */
  const pivotGroups = async (userId: string) =>
    (
      await sql<{ groups: string[] }>`
        SELECT a.groups FROM scim_user u JOIN person_affiliation a ON a.sub = u.sub AND a.member_id = u.member_id
        WHERE u.id = ${userId}`.execute(get().db)
    ).rows[0]?.groups;
  const groupMembers = async (id: string) =>
    ((json(await h.scim("ville-lyon", "GET", `/Groups/${id}`)).members ?? []) as { value: string }[])
      .map((m) => m.value)
      .sort();
  let groupId = "";

  it("creates a Group with members: the Users show it and the persons get the pivot group", async () => {
    const response = await h.scim("ville-lyon", "POST", "/Groups", {
      schemas: [GROUP],
      displayName: "Agents DSI",
      externalId: "grp-1",
      members: [{ value: ids.ana }, { value: ids.bob }],
    });
    assert.equal(response.statusCode, 201, response.body);
    groupId = String(json(response).id);
    assert.deepEqual(await groupMembers(groupId), [ids.ana, ids.bob].sort());
    const ana = json(await h.scim("ville-lyon", "GET", `/Users/${ids.ana}`));
    assert.deepEqual(
      (ana.groups as { display: string }[]).map((g) => g.display),
      ["Agents DSI"],
    );
    assert.deepEqual(await pivotGroups(String(ids.ana)), ["Agents DSI"]);
    const filtered = json(
      await h.scim(
        "ville-lyon",
        "GET",
        `/Groups?filter=${encodeURIComponent('displayName eq "Agents DSI"')}`,
      ),
    );
    assert.equal(filtered.totalResults, 1);
  });

  it("adds members, removes one by filter (Entra ID), and replaces them with [] (Okta)", async () => {
    const add = {
      schemas: [PATCH_OP],
      Operations: [{ op: "Add", path: "members", value: [{ value: ids.cyd }] }],
    };
    assert.equal((await h.scim("ville-lyon", "PATCH", `/Groups/${groupId}`, add)).statusCode, 200);
    assert.deepEqual(await groupMembers(groupId), [ids.ana, ids.bob, ids.cyd].sort());
    const remove = {
      schemas: [PATCH_OP],
      Operations: [{ op: "Remove", path: `members[value eq "${ids.bob}"]` }],
    };
    assert.equal((await h.scim("ville-lyon", "PATCH", `/Groups/${groupId}`, remove)).statusCode, 200);
    assert.deepEqual(await groupMembers(groupId), [ids.ana, ids.cyd].sort());
    assert.deepEqual(await pivotGroups(String(ids.bob)), []);
    const rename = {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", value: { displayName: "Agents numériques" } }],
    };
    assert.equal((await h.scim("ville-lyon", "PATCH", `/Groups/${groupId}`, rename)).statusCode, 200);
    assert.deepEqual(await pivotGroups(String(ids.ana)), ["Agents numériques"]);
    const empty = { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "members", value: [] }] };
    assert.equal((await h.scim("ville-lyon", "PATCH", `/Groups/${groupId}`, empty)).statusCode, 200);
    assert.deepEqual(await groupMembers(groupId), []);
    assert.deepEqual(await pivotGroups(String(ids.cyd)), []);
  });

  it("refuses a member that is not a User of the member, and hides the Group from the other member", async () => {
    const foreign = await h.scim(
      "metropole",
      "POST",
      "/Users",
      entraUser("zoe", "oid-zoe", "metropole.test"),
    );
    assert.equal(foreign.statusCode, 201, foreign.body);
    const add = {
      schemas: [PATCH_OP],
      Operations: [{ op: "add", path: "members", value: [{ value: json(foreign).id }] }],
    };
    const refused = await h.scim("ville-lyon", "PATCH", `/Groups/${groupId}`, add);
    assert.equal(refused.statusCode, 400);
    assert.equal(json(refused).scimType, "invalidValue");
    assert.equal((await h.scim("metropole", "GET", `/Groups/${groupId}`)).statusCode, 404);
    assert.equal(json(await h.scim("metropole", "GET", "/Groups")).totalResults, 0);
  });

  it("deletes a Group (204) and its former members lose it", async () => {
    const add = {
      schemas: [PATCH_OP],
      Operations: [{ op: "add", path: "members", value: [{ value: ids.ana }] }],
    };
    await h.scim("ville-lyon", "PATCH", `/Groups/${groupId}`, add);
    assert.deepEqual(await pivotGroups(String(ids.ana)), ["Agents numériques"]);
    assert.equal((await h.scim("ville-lyon", "DELETE", `/Groups/${groupId}`)).statusCode, 204);
    assert.equal((await h.scim("ville-lyon", "GET", `/Groups/${groupId}`)).statusCode, 404);
    assert.deepEqual(await pivotGroups(String(ids.ana)), []);
  });

  it("describes itself: ServiceProviderConfig, ResourceTypes and Schemas (userName caseExact=false)", async () => {
    const config = json(
      await h.app.inject({ method: "GET", url: "/scim/v2/lyon/ville-lyon/ServiceProviderConfig" }),
    );
    assert.deepEqual(config.patch, { supported: true });
    assert.deepEqual(config.etag, { supported: true });
    assert.deepEqual(config.bulk, { supported: false, maxOperations: 0, maxPayloadSize: 0 });
    const types = json(await h.app.inject({ method: "GET", url: "/scim/v2/lyon/ville-lyon/ResourceTypes" }));
    assert.deepEqual(
      types.Resources?.map((r) => r.id),
      ["User", "Group"],
    );
    const schemas = json(await h.app.inject({ method: "GET", url: "/scim/v2/lyon/ville-lyon/Schemas" }));
    const user = schemas.Resources?.find((s) => s.id === "urn:ietf:params:scim:schemas:core:2.0:User");
    const userName = (
      (user?.attributes ?? []) as { name: string; caseExact: boolean; uniqueness: string }[]
    ).find((a) => a.name === "userName");
    assert.deepEqual([userName?.caseExact, userName?.uniqueness], [false, "server"]);
    assert.ok(
      schemas.Resources?.some((s) => s.id === "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
    );
    const bulk = await h.scim("ville-lyon", "POST", "/Bulk", { schemas: [] });
    assert.equal(bulk.statusCode, 501);
  });
});
