import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { StatusPage } from "../app/service-status.ts";
import { uptimeBars } from "../domain/service-status.ts";
import { renderStatusPage } from "./status-page-html.ts";

const NOW = new Date("2026-03-10T20:00:00Z");

/** A page with the hub and one service whose last three days had planned maintenance. */
function page(): StatusPage {
  const { bars, permyriad } = uptimeBars(
    [
      { day: "2026-03-08", checks: 0, up: 0, maintenance: 1440 },
      { day: "2026-03-09", checks: 1300, up: 1300, maintenance: 140 },
      { day: "2026-03-10", checks: 1000, up: 990, maintenance: 125 },
    ],
    NOW,
    new Map([
      ["2026-03-08", 1440],
      ["2026-03-09", 140],
      ["2026-03-10", 125],
    ]),
  );
  const common = { since: null, checkedAt: null, uptimePermyriad: permyriad, bars };
  return {
    ententeId: "lyon",
    ententeName: "Lyon",
    generatedAt: NOW,
    services: [
      { ...common, clientId: "hub:lyon", name: "Fédération d'identité", kind: "hub", status: "operational" },
      { ...common, clientId: "visio", name: "Visio", kind: "service", status: "maintenance" },
    ],
    current: [],
    recent: [],
  };
}

describe("the public status page: maintenance days and the hub", () => {
  it("a day of maintenance without failure is blue and said in words; one with failures keeps its colour", () => {
    const html = renderStatusPage(page(), "fr", "/status/lyon");
    assert.match(
      html,
      /class="bar b-maint" title="2026-03-08 : pas de mesure — maintenance planifiée 24 h 00, hors calcul"/,
    );
    assert.match(
      html,
      /class="bar b-maint" title="2026-03-09 : 100,00 % — maintenance planifiée 2 h 20, hors calcul"/,
    );
    assert.match(
      html,
      /class="bar b-high" title="2026-03-10 : 99,00 % — maintenance planifiée 2 h 05, hors calcul"/,
    );
    assert.match(
      html,
      /Maintenances planifiées \(non comptées dans la disponibilité\)<\/p><ul data-maintenance-days><li>2026-03-08 : 24 h 00<\/li><li>2026-03-09 : 2 h 20<\/li><li>2026-03-10 : 2 h 05<\/li><\/ul>/,
    );
    assert.equal(html.match(/class="bar b-maint"/g)?.length, 4, "two days on each of the two entries");
  });

  it("the hub's entry is named in the page's language", () => {
    assert.match(renderStatusPage(page(), "fr", "/status/lyon"), /<h3>Fédération d&#39;identité<\/h3>/);
    const en = renderStatusPage(page(), "en", "/status/lyon");
    assert.match(en, /<h3>Identity federation<\/h3>/);
    assert.match(
      en,
      /Planned maintenance \(not counted in uptime\)<\/p><ul data-maintenance-days><li>2026-03-08: 24 h 00/,
    );
  });

  it("writes the first of a month « 1er » in French and leaves English as it is", () => {
    const first = { ...page(), generatedAt: new Date("2026-12-01T09:00:00Z") };
    assert.match(renderStatusPage(first, "fr", "/status/lyon"), />1er décembre 2026 à 10:00<\/time>/);
    assert.match(renderStatusPage(first, "en", "/status/lyon"), />1 December 2026 at 10:00<\/time>/);
  });
});
