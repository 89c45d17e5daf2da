import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { PortalHome } from "../app/portal-home.ts";
import { renderHome } from "./portal-page.ts";

const session = {
  ententeId: "lyon",
  sub: "s1",
  memberId: "metropole",
  role: "agent",
  groups: [],
  displayName: "Alice <Martin>",
  email: null,
  csrfToken: "tok",
  idToken: "id",
  sid: null,
};
const home = (status?: "down"): PortalHome => ({
  member: {
    ententeId: "lyon",
    id: "metropole",
    name: "Métropole de Lyon",
    kind: "metropole",
    siren: null,
    siret: null,
    fromYear: null,
    toYear: null,
  },
  preferences: { pinned: [], openInNewTab: false },
  announcements: [],
  tiles: [
    {
      clientId: "visio",
      name: "Visio",
      description: "<b>réunions</b>",
      url: "https://visio.test/",
      kind: "video",
      maturity: "beta",
      logoUrl: null,
      pinned: false,
      displayOrder: 0,
      ...(status === undefined ? {} : { status }),
    },
  ],
});
const render = (h: PortalHome, lang: "fr" | "en" = "fr", search = { text: "", cut: false }) =>
  renderHome({ lang, base: "/portal/lyon", session }, h, search, "/* script */");

describe("renderHome", () => {
  it("shows a status badge only when the status hook gave one", () => {
    assert.doesNotMatch(render(home()), /class="badge st-/);
    assert.match(render(home("down")), /<span class="badge st-down">Hors service<\/span>/);
    assert.match(render(home("down"), "en"), /<span class="badge st-down">Down<\/span>/);
  });
  it("escapes what people and the secretariat wrote", () => {
    const page = render(home());
    assert.match(page, /Alice &lt;Martin&gt;/);
    assert.match(page, /&lt;b&gt;réunions&lt;\/b&gt;/);
  });
  it("says when the search was made on the first 200 characters of a longer q, French first then English", () => {
    const search = { text: "x".repeat(200), cut: true };
    assert.match(
      render(home(), "fr", search),
      /<p class="notice" role="status">Votre recherche dépasse 200 caractères : elle a été faite sur ses 200 premiers caractères/,
    );
    assert.match(
      render(home(), "en", search),
      /<p class="notice" role="status">Your search is longer than 200 characters: it was made on its first 200 characters/,
    );
    assert.doesNotMatch(render(home(), "fr", { text: "x".repeat(200), cut: false }), /class="notice"/);
  });
  it("is French first, English on demand", () => {
    assert.match(render(home()), /<html lang="fr">[\s\S]*<h1>Mes services<\/h1>/);
    assert.match(render(home(), "en"), /<html lang="en">[\s\S]*<h1>My services<\/h1>/);
  });
});
