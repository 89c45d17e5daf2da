import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeOnDatabases } from "../helpers/databases.ts";
import { json, PATCH_OP, type ScimHarness, startScimHarness, USER_SCHEMA } from "./scim-harness.ts";

/**
 * docs/provisioning.md: an address outside the member's domains is refused — the `userName` when
 * it is an address and every `emails[].value`, not only the one the person's email is taken
 * from: the Métropole's endpoint may not push the Ville de Lyon's addresses (400 `invalidValue`
 * naming the attribute, RFC 7644 §3.12), and nothing is written.
 */
describeOnDatabases("SCIM: a User carries only its member's addresses", (get) => {
  let h: ScimHarness;
  const user = (userName: string, emails: { value: string; primary?: boolean }[]) => ({
    schemas: [USER_SCHEMA],
    userName,
    name: { givenName: "Anne", familyName: "Morel" },
    emails,
    active: true,
  });
  const refused = async (
    reply: Awaited<ReturnType<ScimHarness["scim"]>>,
    attribute: string,
    value: string,
  ) => {
    assert.equal(reply.statusCode, 400, reply.body);
    const body = json(reply);
    assert.equal(body.scimType, "invalidValue");
    assert.match(String(body.detail), new RegExp(`^${attribute.replace(/[[\].]/g, "\\$&")} "${value}"`));
  };
  const usersNamed = async (userName: string) =>
    json(await h.scim("metropole", "GET", `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`))
      .totalResults;

  before(async () => {
    h = await startScimHarness(get(), () => new Date("2026-03-02T09:00:00Z"));
  });

  it("refuses a userName in another member's domain, even with an own primary email", async () => {
    const reply = await h.scim(
      "metropole",
      "POST",
      "/Users",
      user("maire@ville-lyon.test", [{ value: "anne.morel@metropole.test", primary: true }]),
    );
    await refused(reply, "userName", "maire@ville-lyon.test");
    assert.equal(await usersNamed("maire@ville-lyon.test"), 0, "nothing written");
  });

  it("refuses a secondary email in another member's domain, on create and on PATCH", async () => {
    const create = await h.scim(
      "metropole",
      "POST",
      "/Users",
      user("anne.morel@metropole.test", [
        { value: "anne.morel@metropole.test", primary: true },
        { value: "anne.morel@ville-lyon.test" },
      ]),
    );
    await refused(create, "emails[1].value", "anne.morel@ville-lyon.test");
    assert.equal(await usersNamed("anne.morel@metropole.test"), 0, "nothing written");

    const own = await h.scim(
      "metropole",
      "POST",
      "/Users",
      user("anne.morel@metropole.test", [
        { value: "anne.morel@metropole.test", primary: true },
        { value: "a.morel@metropole.test" },
      ]),
    );
    assert.equal(own.statusCode, 201, own.body);
    const id = String(json(own).id);
    const patch = await h.scim("metropole", "PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "add", path: "emails", value: [{ value: "Maire@Ville-Lyon.test", type: "other" }] }],
    });
    await refused(patch, "emails[2].value", "Maire@Ville-Lyon.test");
    const stored = json(await h.scim("metropole", "GET", `/Users/${id}`));
    assert.equal((stored.emails as unknown[]).length, 2, "the PATCH changed nothing");
  });
});
