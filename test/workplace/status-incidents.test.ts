import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { describeOnDatabases } from "../helpers/databases.ts";
import { type StatusWorld, startStatusWorld } from "./status-fixtures.ts";

const API = "/api/ententes/lyon/workplace";
const NOW = new Date("2026-03-10T10:00:00Z");

describeOnDatabases("service status: incidents and maintenance, the public page", (get) => {
  let w: StatusWorld;
  const ids = { visio: "", chat: "", autre: "" };
  before(async () => {
    w = await startStatusWorld(get(), () => NOW);
    ids.visio = await w.catalogue("lyon", "Visio");
    ids.chat = await w.catalogue("lyon", "Messagerie <b>instantanée</b>");
    ids.autre = await w.catalogue("autre", "Visio autre");
  });
  after(async () => {
    await w?.teardown.run();
  });

  const incident = (overrides: Record<string, unknown> = {}) => ({
    kind: "incident",
    title: "Visio coupée",
    impact: "down",
    status: "investigating",
    startsAt: "2026-03-10T09:30:00+01:00",
    endsAt: null,
    clientIds: [ids.visio],
    memberIds: ["metropole"],
    message: "Les salles ne s'ouvrent plus ; nous cherchons.",
    ...overrides,
  });
  const statuses = async () =>
    Object.fromEntries((await w.workplace.statuses("lyon")).map((s) => [s.clientId, s.status]));

  it("the secretariat opens an incident; a reader 403; another entente 404; it shows on the tiles", async () => {
    assert.equal((await w.clients.reader.send("POST", `${API}/incidents`, incident())).status, 403);
    assert.equal((await w.clients.other.send("POST", `${API}/incidents`, incident())).status, 404);
    assert.equal((await w.app.inject({ method: "GET", url: `${API}/incidents` })).statusCode, 401);
    const created = await w.clients.secretariat.send("POST", `${API}/incidents`, incident());
    assert.equal(created.status, 201, JSON.stringify(created.json()));
    assert.equal(created.json().updates[0].author, "secretariat@lyon.entente.localhost");
    assert.deepEqual(await statuses(), { [ids.visio]: "down", [ids.chat]: "unknown" });
    const listed = await w.clients.reader.send("GET", `${API}/incidents`);
    assert.deepEqual(
      listed.json().map((i: { title: string }) => i.title),
      ["Visio coupée"],
    );
    assert.equal((await w.clients.other.send("GET", `${API}/incidents`)).status, 404);
    const theirs = await w.clients.other.send("GET", "/api/ententes/autre/workplace/incidents");
    assert.deepEqual(theirs.json(), [], "nothing of lyon's incidents leaks to autre");
  });

  it("refuses another entente's service or member, and names every wrong field; nothing written", async () => {
    const foreign = await w.clients.secretariat.send(
      "POST",
      `${API}/incidents`,
      incident({ clientIds: [ids.autre], memberIds: ["nulle-part"] }),
    );
    assert.equal(foreign.status, 422);
    assert.deepEqual(
      foreign.json().errors.map((e: { field: string }) => e.field),
      ["clientIds[0]", "memberIds[0]"],
    );
    const wrong = await w.clients.secretariat.send(
      "POST",
      `${API}/incidents`,
      incident({ kind: "maintenance", status: "investigating", startsAt: "hier", title: " " }),
    );
    assert.deepEqual(
      wrong.json().errors.map((e: { field: string }) => e.field),
      ["impact", "status", "title", "startsAt"],
    );
    for (const startsAt of ["2026-02-30T20:00:00+01:00", "2026-04-31T08:00:00Z", "2027-02-29T00:00:00Z"]) {
      const impossible = await w.clients.secretariat.send("POST", `${API}/incidents`, incident({ startsAt }));
      assert.equal(impossible.status, 422, `${startsAt} is not a calendar day`);
      assert.deepEqual(
        impossible.json().errors.map((e: { field: string }) => e.field),
        ["startsAt"],
      );
    }
    const listed = await w.clients.reader.send("GET", `${API}/incidents`);
    assert.equal(listed.json().length, 1);
  });

  it("a timeline of updates; a stale version 409; another entente's incident 404; resolved ends it", async () => {
    const [open] = (await w.clients.reader.send("GET", `${API}/incidents`)).json();
    const url = `${API}/incidents/${open.id}/updates`;
    const update = { status: "identified", message: "Un certificat expiré.", rowVersion: open.rowVersion };
    assert.equal((await w.clients.other.send("POST", url, update)).status, 404);
    const foreign = await w.clients.other.send(
      "POST",
      `/api/ententes/autre/workplace/incidents/${open.id}/updates`,
      update,
    );
    assert.equal(foreign.status, 404);
    const identified = await w.clients.secretariat.send("POST", url, update);
    assert.equal(identified.status, 200, JSON.stringify(identified.json()));
    assert.equal((await w.clients.secretariat.send("POST", url, update)).status, 409);
    const resolved = await w.clients.secretariat.send("POST", url, {
      status: "resolved",
      message: "Certificat renouvelé.",
      rowVersion: identified.json().rowVersion,
    });
    assert.equal(resolved.json().endsAt, NOW.toISOString(), "closing without an end ends it now");
    assert.deepEqual(
      resolved.json().updates.map((u: { status: string }) => u.status),
      ["resolved", "identified", "investigating"],
    );
    assert.equal((await statuses())[ids.visio], "unknown");
  });

  it("a maintenance in progress shows `maintenance`; a planned one does not yet", async () => {
    const planned = await w.clients.secretariat.send("POST", `${API}/incidents`, {
      ...incident(),
      kind: "maintenance",
      impact: "maintenance",
      status: "scheduled",
      title: "Mise à jour de la messagerie",
      clientIds: [ids.chat],
      memberIds: [],
      startsAt: "2026-03-10T12:00:00+01:00",
      endsAt: "2026-03-10T14:00:00+01:00",
    });
    assert.equal(planned.status, 201, JSON.stringify(planned.json()));
    assert.equal((await statuses())[ids.chat], "unknown");
    await w.clients.secretariat.send("POST", `${API}/incidents`, {
      ...incident(),
      kind: "maintenance",
      impact: "maintenance",
      status: "in_progress",
      title: "Migration du stockage",
      startsAt: "2026-03-10T10:30:00+01:00",
      endsAt: "2026-03-10T12:00:00+01:00",
    });
    assert.equal((await statuses())[ids.visio], "maintenance");
    const some = await w.workplace.statusReader.statusOf("lyon", [ids.visio, ids.autre]);
    assert.deepEqual([...some], [[ids.visio, "maintenance"]], "another entente's service shows no status");
  });

  it("the public page: no sign-in, French first, English on request, escaped; JSON the same; unknown entente 404", async () => {
    const page = await w.app.inject({ method: "GET", url: "/status/lyon" });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers["content-type"] as string, /text\/html/);
    assert.match(page.body, /<html lang="fr">/);
    assert.match(page.body, /État des services/);
    assert.match(page.body, /Messagerie &lt;b&gt;instantanée&lt;\/b&gt;/);
    assert.doesNotMatch(page.body, /<b>instantanée/);
    assert.match(
      page.body,
      /data-service="[^"]+"><h3>Visio<\/h3>\s*<span class="state s-maintenance" data-status="maintenance">En maintenance/,
    );
    assert.match(page.body, /Métropole de Lyon/, "affected members named");
    const english = await w.app.inject({ method: "GET", url: "/status/lyon?lang=en" });
    assert.match(english.body, /<html lang="en">[\s\S]*Service status/);
    const json = (await w.app.inject({ method: "GET", url: "/api/status/lyon" })).json();
    assert.equal(json.entente.id, "lyon");
    assert.deepEqual(
      json.services.map((s: { name: string; status: string }) => [s.name, s.status]),
      [
        ["Messagerie <b>instantanée</b>", "unknown"],
        ["Visio", "maintenance"],
      ].sort((a, b) => (a[0] as string).localeCompare(b[0] as string, "fr")),
    );
    assert.equal(json.services[0].days.length, 90);
    assert.deepEqual(json.incidents.map((i: { title: string }) => i.title).sort(), [
      "Migration du stockage",
      "Mise à jour de la messagerie",
      "Visio coupée",
    ]);
    assert.equal(JSON.stringify(json).includes("secretariat@"), false, "no author on the public side");
    const missing = await w.app.inject({ method: "GET", url: "/status/nulle-part" });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /<html lang="fr">[\s\S]*Aucune entente « nulle-part »/);
    assert.equal((await w.app.inject({ method: "GET", url: "/api/status/nulle-part" })).statusCode, 404);
    const page400 = await w.app.inject({ method: "GET", url: "/status/%3Cscript%3E?lang=en" });
    assert.equal(page400.statusCode, 400);
    assert.match(page400.headers["content-type"] as string, /^text\/html/);
    assert.match(page400.body, /<html lang="en">[\s\S]*Invalid address/);
    assert.equal(page400.body.includes("<script>"), false);
    for (const [query, lang] of [
      ["lang=en&lang=fr", "en"],
      ["lang=de", "fr"],
      ["lang=de&lang=en", "en"],
      ["lang=", "fr"],
    ]) {
      const lenient = await w.app.inject({ method: "GET", url: `/status/lyon?${query}` });
      assert.equal(lenient.statusCode, 200, query);
      assert.match(lenient.body, new RegExp(`^<!doctype html>\\s*<html lang="${lang}">`), query);
    }
    const autre = (await w.app.inject({ method: "GET", url: "/api/status/autre" })).json();
    assert.deepEqual(autre.incidents, [], "another entente's page shows only its own");
  });
});
