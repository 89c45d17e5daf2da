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
const render = (h: PortalHome, lang: "fr" | "en" = "fr") =>
  renderHome({ lang, base: "/portal/lyon", session }, h, "", "/* script */");

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
  it("is French first, English on demand", () => {
    assert.match(render(home()), /<html lang="fr">[\s\S]*<h1>Mes services<\/h1>/);
    assert.match(render(home(), "en"), /<html lang="en">[\s\S]*<h1>My services<\/h1>/);
  });
});
