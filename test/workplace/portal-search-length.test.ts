import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeOnDatabases } from "../helpers/databases.ts";
import { agentOf, catalogueAndSubscribe, portalSessionFor } from "./portal-fixtures.ts";
import { startWorkplaceFixture, type WorkplaceFixture } from "./workplace-fixtures.ts";

const TODAY = new Date("2026-01-15T10:00:00Z");

/** Fresh-user findings, item 7: an over-long search is a search (its first 200 characters), never an error page. */
describeOnDatabases("portal: the search's length", (get) => {
  let f: WorkplaceFixture;
  let visio = "";
  before(async () => {
    f = await startWorkplaceFixture(get(), () => TODAY);
    visio = await f.registerClient("lyon", "Visio");
    await catalogueAndSubscribe(
      f.workplace,
      "lyon",
      visio,
      { kind: "video", description: "Réunions à distance", displayOrder: 1 },
      ["metropole"],
    );
  });

  it("the field stops at 200 characters; a 250-character q is searched on its first 200, the page answers 200", async () => {
    const { cookie, csrf } = await portalSessionFor(f.workplace, agentOf("lyon", "metropole", "agent-1"));
    const long = `visio${"x".repeat(245)}`;
    const page = await f.app.inject({ method: "GET", url: `/portal/lyon/?q=${long}`, headers: { cookie } });
    assert.equal(page.statusCode, 200, page.body.slice(0, 300));
    assert.match(page.body, /<input type="search" id="q" name="q" value="visiox{195}" maxlength="200"/);
    assert.doesNotMatch(page.body, /x{196}/);
    // … and says so, in the page's language (French first, English on demand)
    assert.match(
      page.body,
      /role="status">Votre recherche dépasse 200 caractères : elle a été faite sur ses 200 premiers/,
    );
    const english = await f.app.inject({
      method: "GET",
      url: `/portal/lyon/?lang=en&q=${long}`,
      headers: { cookie },
    });
    assert.match(
      english.body,
      /role="status">Your search is longer than 200 characters: it was made on its first 200/,
    );
    const exact = await f.app.inject({
      method: "GET",
      url: `/portal/lyon/?q=${long.slice(0, 200)}`,
      headers: { cookie },
    });
    assert.equal(exact.statusCode, 200);
    assert.doesNotMatch(exact.body, /Votre recherche dépasse/, "a search of 200 characters is not cut");
    const pin = await f.app.inject({
      method: "POST",
      url: "/portal/lyon/pins",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: `csrf=${encodeURIComponent(csrf)}&clientId=${encodeURIComponent(visio)}&pin=1&q=${long}`,
    });
    assert.equal(pin.statusCode, 303, pin.body.slice(0, 300));
    assert.equal(pin.headers.location, `/portal/lyon/?lang=fr&q=visio${"x".repeat(195)}`);
  });
});
