import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { describeOnDatabases } from "../helpers/databases.ts";
import { entraUser, json, type ScimHarness, startScimHarness } from "./scim-harness.ts";

/** A member's directory pushing U+0000 (tester's finding): SCIM's 400 invalidValue, nothing stored. */
describeOnDatabases("SCIM: the NUL character is the client's mistake", (get) => {
  let h: ScimHarness;
  before(async () => {
    h = await startScimHarness(get(), () => new Date("2026-03-02T09:00:00Z"));
  });
  after(async () => h?.app.close());

  it("a userName holding U+0000: 400 invalidValue naming the field, no User created", async () => {
    const user = entraUser("nul", "ext-nul");
    const reply = await h.scim("ville-lyon", "POST", "/Users", {
      ...user,
      userName: "a\u0000b@ville-lyon.test",
    });
    assert.equal(reply.statusCode, 400);
    assert.equal(json(reply).scimType, "invalidValue");
    assert.match(String(json(reply).detail), /body\.userName: contains the NUL character/);
    const listed = await h.scim("ville-lyon", "GET", "/Users");
    assert.equal(json(listed).totalResults, 0);
  });

  it("a filter holding U+0000: 400 invalidValue", async () => {
    const reply = await h.scim("ville-lyon", "GET", "/Users?filter=userName%20eq%20%22a%00%22");
    assert.equal(reply.statusCode, 400);
    assert.equal(json(reply).scimType, "invalidValue");
  });
});
