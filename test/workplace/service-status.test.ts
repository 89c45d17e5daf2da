import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { sql } from "kysely";
import { createLeaseStore } from "../../src/workplace/db/lease-store.ts";
import { createProbeStore } from "../../src/workplace/db/probe-store.ts";
import { type Probe, validateProbeFields } from "../../src/workplace/domain/probe.ts";
import { createNetworkProber } from "../../src/workplace/probe/network-prober.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { type StatusWorld, startHttpService, startStatusWorld, startTcpListener } from "./status-fixtures.ts";

const API = "/api/ententes/lyon/workplace";
type Service = Awaited<ReturnType<typeof startHttpService>>;

describeOnDatabases("service status: probes, uptime, lease", (get) => {
  let w: StatusWorld;
  const ids = { web: "", tcp: "", hub: "", autre: "" };
  let web: Service;
  let tcp: Service;
  let requests = 0;
  const visio = (_req: unknown, res: import("node:http").ServerResponse) => {
    requests += 1;
    res.writeHead(200, { "content-type": "text/plain" }).end("visio: ok");
  };

  before(async () => {
    w = await startStatusWorld(get());
    ids.web = await w.catalogue("lyon", "Visio");
    ids.tcp = await w.catalogue("lyon", "Messagerie");
    ids.hub = await w.catalogue("lyon", "Fédération");
    ids.autre = await w.catalogue("autre", "Visio autre");
    web = await startHttpService(visio);
    tcp = await startTcpListener();
  });
  after(async () => {
    await Promise.all([web?.stop(), tcp?.stop()]);
    await w?.teardown.run();
  });

  const putProbe = (clientId: string, body: object, client = w.clients.secretariat, api = API) =>
    client.send("PUT", `${api}/services/${clientId}/probe`, body);
  const states = async () =>
    Object.fromEntries((await w.workplace.statuses("lyon")).map((s) => [s.clientId, s.status]));

  it("probes: the secretariat registers them; a reader 403, another entente 404, bad fields named", async () => {
    const http = {
      kind: "http",
      target: `http://127.0.0.1:${web.port}/health`,
      bodyContains: "ok",
      timeoutMs: 2000,
      intervalSeconds: 60,
    };
    assert.equal((await putProbe(ids.web, http, w.clients.reader)).status, 403);
    assert.equal((await putProbe(ids.web, http, w.clients.other)).status, 404);
    assert.equal(
      (await putProbe(ids.autre, http)).status,
      404,
      "a service of another entente is not found here",
    );
    const wrong = await putProbe(ids.web, {
      kind: "http",
      target: "ftp://x",
      timeoutMs: 5,
      intervalSeconds: 1,
      expectStatusMin: 700,
    });
    assert.equal(wrong.status, 422);
    assert.deepEqual(
      wrong
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
      ["expectStatusMax", "expectStatusMin", "intervalSeconds", "target", "timeoutMs"],
    );
    const creds = await putProbe(ids.web, { ...http, target: "https://u:p@visio.lyon.test/" });
    assert.match(creds.json().errors[0].message, /pas d.identifiants dans une URL/);
    assert.equal((await putProbe(ids.web, http)).status, 200);
    const tcpProbe = { kind: "tcp", target: `127.0.0.1:${tcp.port}`, timeoutMs: 2000, intervalSeconds: 60 };
    assert.equal((await putProbe(ids.tcp, tcpProbe)).status, 200);
    const listed = await w.clients.reader.send("GET", `${API}/probes`);
    assert.deepEqual(
      listed
        .json()
        .map((p: { clientId: string }) => p.clientId)
        .sort(),
      [ids.tcp, ids.web].sort(),
    );
    assert.equal((await w.clients.other.send("GET", `${API}/probes`)).status, 404);
    assert.equal((await states())[ids.web], "unknown", "not probed yet");
  });

  it("a stopped service turns down after two failures (damped), and operational again after two successes", async () => {
    let runs = await w.workplace.probeOnce("lyon");
    assert.deepEqual(
      runs.map((r) => [r.state, r.shown]),
      [
        ["operational", "operational"],
        ["operational", "operational"],
      ],
    );
    assert.equal((await states())[ids.web], "operational");
    assert.equal((await states())[ids.tcp], "operational");
    const ports = { web: web.port, tcp: tcp.port };
    await Promise.all([web.stop(), tcp.stop()]);
    runs = await w.workplace.probeOnce("lyon");
    assert.deepEqual(
      runs.map((r) => [r.state, r.shown, r.detail]),
      [
        ["down", "operational", "ECONNREFUSED"],
        ["down", "operational", "ECONNREFUSED"],
      ],
      "one failure is not an outage yet",
    );
    assert.equal((await states())[ids.web], "operational");
    runs = await w.workplace.probeOnce("lyon");
    assert.deepEqual(
      runs.map((r) => r.shown),
      ["down", "down"],
    );
    assert.equal((await states())[ids.web], "down");
    const json = (await w.app.inject({ method: "GET", url: "/api/status/lyon" })).json();
    const shown = json.services.find((s: { id: string }) => s.id === ids.web);
    assert.equal(shown.status, "down");
    assert.equal(shown.uptime90d, "33.33", "every raw result counts: one probe up, two down today");
    web = await startHttpService(visio, ports.web);
    tcp = await startTcpListener(ports.tcp);
    runs = await w.workplace.probeOnce("lyon");
    assert.deepEqual(
      runs.map((r) => [r.state, r.shown]),
      [
        ["operational", "down"],
        ["operational", "down"],
      ],
      "one success is not a recovery yet",
    );
    await w.workplace.probeOnce("lyon");
    assert.equal((await states())[ids.web], "operational");
    assert.equal((await states())[ids.tcp], "operational");
    const changes = await sql<{ to_state: string }>`
      SELECT to_state FROM workplace_probe_change WHERE client_id = ${ids.web} ORDER BY id`.execute(get().db);
    assert.deepEqual(
      changes.rows.map((r) => r.to_state),
      ["operational", "down", "operational"],
    );
    const listed = await w.clients.reader.send("GET", `${API}/probe-changes`);
    type Change = { clientId: string; from: string | null; to: string; detail: string | null };
    assert.deepEqual(
      (listed.json() as Change[]).filter((c) => c.clientId === ids.web).map((c) => [c.from, c.to, c.detail]),
      [
        ["down", "operational", null],
        ["operational", "down", "ECONNREFUSED"],
        [null, "operational", null],
      ],
    );
    assert.equal((await w.clients.other.send("GET", `${API}/probe-changes`)).status, 404);
    const days = await sql<{ checks: number; up: number; maintenance: number }>`
      SELECT checks, up, maintenance FROM workplace_uptime_day WHERE client_id = ${ids.web}`.execute(
      get().db,
    );
    assert.deepEqual(
      days.rows,
      [{ checks: 5, up: 3, maintenance: 0 }],
      "samples aggregated per day, no raw sample",
    );
  });

  it("flap damping settings: stored per probe, listed, bounded with the field named", async () => {
    const body = {
      kind: "tcp",
      target: `127.0.0.1:${tcp.port}`,
      timeoutMs: 2000,
      intervalSeconds: 60,
      failuresToDown: 3,
      successesToUp: 1,
    };
    const wrong = await putProbe(ids.tcp, { ...body, failuresToDown: 0, successesToUp: 11 });
    assert.equal(wrong.status, 422);
    assert.deepEqual(
      wrong.json().errors.map((e: { field: string }) => e.field),
      ["failuresToDown", "successesToUp"],
    );
    const put = await putProbe(ids.tcp, body);
    assert.equal(put.status, 200);
    assert.deepEqual([put.json().failuresToDown, put.json().successesToUp], [3, 1]);
    const listed = (await w.clients.reader.send("GET", `${API}/probes`)).json();
    const web = listed.find((p: { clientId: string }) => p.clientId === ids.web);
    assert.deepEqual([web.failuresToDown, web.successesToUp], [2, 2], "the defaults");
    const { failuresToDown: _f, successesToUp: _s, ...defaults } = body;
    assert.equal((await putProbe(ids.tcp, defaults)).status, 200);
  });

  it("a failure inside a planned maintenance is recorded as maintenance: not down, not in the uptime", async () => {
    const maintenance = await w.clients.secretariat.send("POST", `${API}/incidents`, {
      kind: "maintenance",
      title: "Mise à jour de la visio",
      impact: "maintenance",
      status: "in_progress",
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: null,
      clientIds: [ids.web],
      memberIds: [],
      message: "Mise à jour en cours.",
    });
    assert.equal(maintenance.status, 201);
    const port = web.port;
    await web.stop();
    try {
      const dayOf = async (clientId: string) =>
        (
          await sql<{ checks: number; up: number; maintenance: number }>`
            SELECT checks, up, maintenance FROM workplace_uptime_day WHERE client_id = ${clientId}`.execute(
            get().db,
          )
        ).rows[0];
      const webBefore = await dayOf(ids.web);
      const tcpBefore = await dayOf(ids.tcp);
      for (let i = 0; i < 3; i++) {
        const runs = await w.workplace.probeOnce("lyon");
        const run = runs.find((r) => r.clientId === ids.web);
        assert.deepEqual([run?.state, run?.shown], ["maintenance", "operational"]);
        assert.equal(runs.find((r) => r.clientId === ids.tcp)?.state, "operational", "not in maintenance");
      }
      assert.deepEqual(await dayOf(ids.web), {
        ...webBefore,
        maintenance: (webBefore?.maintenance ?? 0) + 3,
      });
      assert.deepEqual(await dayOf(ids.tcp), {
        checks: (tcpBefore?.checks ?? 0) + 3,
        up: (tcpBefore?.up ?? 0) + 3,
        maintenance: 0,
      });
      const json = (await w.app.inject({ method: "GET", url: "/api/status/lyon" })).json();
      const shown = json.services.find((s: { id: string }) => s.id === ids.web);
      assert.equal(shown.status, "maintenance");
      assert.equal(shown.uptime90d, "60.00", "the same figure as before the maintenance: 3 up of 5");
      assert.ok(shown.days.at(-1).maintenanceMinutes >= 1);
      const html = (await w.app.inject({ method: "GET", url: "/status/lyon" })).body;
      assert.match(html, /Maintenances planifiées \(non comptées dans la disponibilité\)/);
      // Failures outside the window that day: its colour stays the uptime's, its text says both.
      assert.match(
        html,
        /class="bar b-low" title="\d{4}-\d{2}-\d{2} : 60,00 % — maintenance planifiée \d+ min, hors calcul"/,
      );
    } finally {
      const id = maintenance.json().id;
      const closed = await w.clients.secretariat.send("POST", `${API}/incidents/${id}/updates`, {
        status: "completed",
        message: "Terminé.",
        rowVersion: maintenance.json().rowVersion,
      });
      assert.equal(closed.status, 200);
      web = await startHttpService(visio, port);
    }
  });

  it("an OIDC discovery probe of the hub itself: its issuer matches; another issuer is down", async () => {
    const oidc = { kind: "oidc", target: w.identity.issuer, timeoutMs: 5000, intervalSeconds: 60 };
    assert.equal((await putProbe(ids.hub, oidc)).status, 200);
    let runs = await w.workplace.probeOnce("lyon");
    assert.deepEqual(
      runs.find((r) => r.clientId === ids.hub),
      { clientId: ids.hub, ententeId: "lyon", state: "operational", shown: "operational", detail: null },
    );
    assert.equal((await putProbe(ids.hub, { ...oidc, target: `${w.url}/oidc-elsewhere` })).status, 200);
    runs = await w.workplace.probeOnce("lyon");
    assert.equal(runs.find((r) => r.clientId === ids.hub)?.state, "down");
    assert.equal((await putProbe(ids.hub, oidc)).status, 200);
  });

  it("the hub on the status page: its own issuer probed by discovery, up when it answers", async () => {
    const actor = { id: "test", label: "test" };
    const store = createProbeStore(get().db);
    const hub = await store.putHubComponent("lyon", actor);
    assert.equal(hub, "hub:lyon");
    assert.equal(await store.putHubComponent("lyon", actor), hub, "idempotent");
    const fields = validateProbeFields({
      kind: "oidc",
      target: w.identity.issuer,
      timeoutMs: 5000,
      intervalSeconds: 60,
    });
    await store.put("lyon", hub, fields, new Date(), actor);
    const unknown = (await w.app.inject({ method: "GET", url: "/api/status/lyon" })).json();
    assert.deepEqual(
      [
        unknown.services[0].id,
        unknown.services[0].kind,
        unknown.services[0].name,
        unknown.services[0].status,
      ],
      [hub, "hub", "Fédération d'identité", "unknown"],
    );
    assert.ok(
      (await store.listDue(new Date(Date.now() + 1000), 50)).some((p) => p.clientId === hub),
      "the scheduler runs it (no service client behind it)",
    );
    const runs = await w.workplace.probeOnce("lyon");
    assert.equal(runs.find((r) => r.clientId === hub)?.shown, "operational");
    const json = (await w.app.inject({ method: "GET", url: "/api/status/lyon" })).json();
    assert.deepEqual([json.services[0].status, json.services[0].uptime90d], ["operational", "100.00"]);
    const other = (await w.app.inject({ method: "GET", url: "/api/status/autre" })).json();
    assert.ok(
      !other.services.some((s: { id: string }) => s.id === hub),
      "another entente's page does not list it",
    );
    const page = (await w.app.inject({ method: "GET", url: "/status/lyon?lang=en" })).body;
    assert.match(page, /<h3>Identity federation<\/h3>/);
    // Each subject keeps its reference: the component's and the service's rows go with them.
    const rows = async (id: string) =>
      (
        await sql<{ n: number }>`SELECT
          (SELECT count(*) FROM workplace_probe WHERE client_id = ${id})
          + (SELECT count(*) FROM workplace_probe_state WHERE client_id = ${id})
          + (SELECT count(*) FROM workplace_probe_change WHERE client_id = ${id})
          + (SELECT count(*) FROM workplace_uptime_day WHERE client_id = ${id}) AS n`.execute(get().db)
      ).rows[0]?.n;
    assert.equal(Number(await rows(hub)), 4, "probe, state, one change, one day");
    await sql`DELETE FROM workplace_status_component WHERE id = ${hub}`.execute(get().db);
    assert.equal(Number(await rows(hub)), 0);
    await store.put("autre", ids.autre, fields, new Date(), actor);
    await w.workplace.probeOnce("autre");
    assert.ok(Number(await rows(ids.autre)) >= 3);
    await sql`DELETE FROM service_client WHERE client_id = ${ids.autre}`.execute(get().db);
    assert.equal(Number(await rows(ids.autre)), 0, "a service's rows go with its client");
    await assert.rejects(
      sql`INSERT INTO workplace_uptime_day (client_id, day, checks, up) VALUES ('hub:nulle-part', '2026-03-01', 1, 1)`.execute(
        get().db,
      ),
      "no rows for a component that does not exist",
    );
  });

  it("HTTP: an unexpected status or a missing text is down; a redirect is an answer, never followed", async () => {
    let hits = 0;
    const elsewhere = await startHttpService((_q, res) => {
      hits += 1;
      res.end("ok");
    });
    const redirecting = await startHttpService((req, res) => {
      if (req.url === "/503") res.writeHead(503).end("visio: ok");
      else res.writeHead(302, { location: `http://127.0.0.1:${elsewhere.port}/` }).end();
    });
    try {
      const probe = (target: string, extra: Partial<Probe> = {}): Probe => ({
        clientId: ids.web,
        ententeId: "lyon",
        kind: "http",
        target,
        expectStatusMin: 200,
        expectStatusMax: 299,
        bodyContains: null,
        timeoutMs: 2000,
        intervalSeconds: 60,
        failuresToDown: 2,
        successesToUp: 2,
        nextDueAt: new Date(),
        rowVersion: 1,
        ...extra,
      });
      const prober = createNetworkProber({ allowPrivate: true });
      const signal = new AbortController().signal;
      const base = `http://127.0.0.1:${redirecting.port}`;
      assert.equal((await prober(probe(`${base}/503`), signal)).detail, "HTTP 503");
      assert.equal((await prober(probe(`${base}/moved`), signal)).detail, "HTTP 302");
      assert.equal((await prober(probe(`${base}/moved`, { expectStatusMax: 399 }), signal)).ok, true);
      assert.equal(hits, 0, "the redirect's location was never fetched");
      const text = await prober(probe(`http://127.0.0.1:${web.port}/`, { bodyContains: "absent" }), signal);
      assert.deepEqual([text.ok, text.detail], [false, "expected text not in body"]);
    } finally {
      await Promise.all([elsewhere.stop(), redirecting.stop()]);
    }
  });

  it("with private networks refused (production), a loopback target is down without a connection", async () => {
    const before = requests;
    const prober = createNetworkProber({ allowPrivate: false });
    const signal = new AbortController().signal;
    const common = {
      clientId: ids.web,
      ententeId: "lyon",
      expectStatusMin: 200,
      expectStatusMax: 399,
      bodyContains: null,
      timeoutMs: 2000,
      intervalSeconds: 60,
      failuresToDown: 2,
      successesToUp: 2,
      nextDueAt: new Date(),
      rowVersion: 1,
    };
    for (const target of [
      `http://127.0.0.1:${web.port}/`,
      `http://localhost:${web.port}/`,
      `http://[::ffff:127.0.0.1]:${web.port}/`,
    ]) {
      const outcome = await prober({ ...common, kind: "http", target }, signal);
      assert.equal(outcome.ok, false, target);
      assert.match(outcome.detail ?? "", /refused \(private or reserved network\)/, target);
    }
    const tcpOutcome = await prober({ ...common, kind: "tcp", target: `127.0.0.1:${tcp.port}` }, signal);
    assert.match(tcpOutcome.detail ?? "", /refused/);
    assert.equal(requests, before, "nothing reached the service");
  });

  it("a lease: one scheduler of two probes; the other takes over when it stops; a lease expires", async () => {
    const passes: { holder: string; leader: boolean }[] = [];
    const errors: unknown[] = [];
    const start = (holder: string) =>
      w.workplace.startProbes({
        holder,
        tickMs: 20,
        onError: (error) => errors.push(error),
        onPass: (pass) => passes.push({ holder, leader: pass.leader }),
      });
    const waitFor = async (what: string, done: () => boolean) => {
      for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
      assert.ok(done(), `timed out waiting for ${what}`);
    };
    const a = start("node-a");
    const b = start("node-b");
    let stopped = false;
    try {
      const count = (holder: string) => passes.filter((p) => p.holder === holder).length;
      await waitFor("three passes of each", () => count("node-a") >= 3 && count("node-b") >= 3);
      const leaders = new Set(passes.filter((p) => p.leader).map((p) => p.holder));
      assert.equal(leaders.size, 1, `one leader, not ${[...leaders].join(" and ")}`);
      const [leader] = [...leaders];
      const follower = leader === "node-a" ? "node-b" : "node-a";
      await (leader === "node-a" ? a : b).stop();
      stopped = true;
      const mark = passes.length;
      await waitFor("the takeover", () => passes.slice(mark).some((p) => p.holder === follower && p.leader));
    } finally {
      await Promise.all([stopped ? undefined : a.stop(), b.stop(), a.stop()]);
    }
    assert.deepEqual(errors, []);
    const leases = createLeaseStore(get().db);
    const t0 = new Date("2026-03-01T08:00:00Z");
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    assert.equal(await leases.acquire("test", "a", t0, at(10)), true);
    assert.equal(await leases.acquire("test", "b", at(1), at(11)), false, "held by a");
    assert.equal(await leases.acquire("test", "a", at(5), at(15)), true, "a renews");
    assert.equal(await leases.acquire("test", "b", at(14), at(24)), false, "renewed until 15");
    assert.equal(await leases.acquire("test", "b", at(16), at(26)), true, "expired: b takes over");
    assert.equal(await leases.acquire("test", "a", at(17), at(27)), false);
  });
});
