import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, it } from "node:test";
import { sql } from "kysely";
import { seedExample } from "../../src/compose.ts";
import { createEntenteStore } from "../../src/finance/db/entente-store.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import { createIdentityAdminStore } from "../../src/identity/db/identity-admin-store.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { deliverUntilIdle } from "../../src/provisioning/app/deliver-due-events.ts";
import { addConnector } from "../../src/provisioning/app/delivery-admin.ts";
import type { ComposedProvisioning } from "../../src/provisioning/index.ts";
import { buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";
import { ACTOR, LDAP_SOURCE } from "../identity/directory-fixtures.ts";
import { entraUser } from "./scim-harness.ts";

const PASSWORD = "mot-de-passe-de-test";
const API = "/api/ententes/lyon/provisioning";
const NOW = new Date("2026-01-15T10:00:00Z");

/**
 * The console's deliveries and resync API over HTTP: a connector's failed deliveries with the
 * peer's answer and since when it fails, filtered by state and person; the replay of all of
 * them (CSRF, audited); the resync jobs. Every access decision: the secretariat acts; a finance
 * officer or a reader gets 403; another entente's connector 404. The peer is a real HTTP server refusing
 * (400) then accepting the SCIM client's requests.
 */
describeOnDatabases("provisioning deliveries and resync API over HTTP", (get) => {
  let app: ZodFastifyInstance;
  let provisioning: ComposedProvisioning;
  let peer: Server;
  let peerAnswer = 400;
  const clients: Record<"secretariat" | "finance" | "reader", ConsoleClient> = {} as never;
  let chat = "";
  let otherEntente = "";
  const pass = { batch: 50, concurrency: 2, leaseSeconds: 60, maxPasses: 5 };

  before(async () => {
    peer = createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        const body =
          peerAnswer === 400
            ? { detail: '<script>alert("x")</script> userName refused', status: "400" }
            : { id: "peer-1", userName: "ines@ville-lyon.test", active: true };
        response.writeHead(peerAnswer, { "content-type": "application/scim+json" }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => peer.listen(0, "127.0.0.1", resolve));
    const baseUrl = `http://127.0.0.1:${(peer.address() as AddressInfo).port}/scim/v2`;
    const built = await buildConsoleApp(get(), () => NOW);
    app = built.app;
    provisioning = built.composed.provisioning;
    const entente = await readEntenteFile(LYON);
    await seedExample(built.composed, "lyon", entente, PASSWORD);
    await createEntenteStore(get().db).importEntente("autre", entente, ACTOR);
    const sourceId = (await createIdentityAdminStore(get().db).createSource("lyon", LDAP_SOURCE, ACTOR)).id;
    await createIdentityAdminStore(get().db).addDomain(
      "lyon",
      { domain: "ville-lyon.test", memberId: "ville-lyon", sourceId },
      ACTOR,
    );
    for (const [key, address] of [
      ["secretariat", "secretariat@lyon.entente.localhost"],
      ["finance", "finance.ville-lyon@lyon.entente.localhost"],
      ["reader", "lecture@lyon.entente.localhost"],
    ] as const) {
      clients[key] = new ConsoleClient(app);
      assert.equal((await clients[key].signIn(address, PASSWORD)).status, 200, address);
    }
    const declared = await clients.secretariat.send("POST", `${API}/connectors`, {
      kind: "scim",
      label: "Chat",
      settings: { baseUrl },
      enabled: true,
    });
    assert.equal(declared.status, 201, JSON.stringify(declared.json()));
    chat = declared.json().id;
    otherEntente = (
      await addConnector(provisioning.admin, null, "autre", {
        kind: "scim",
        label: "Autre",
        clientId: null,
        settings: { baseUrl },
        secret: null,
        memberIds: null,
        enabled: true,
      })
    ).id;
    const { token } = (
      await clients.secretariat.send("POST", `${API}/scim-tokens`, { memberId: "ville-lyon", sourceId })
    ).json();
    for (const local of ["ines", "marc"]) {
      const created = await app.inject({
        method: "POST",
        url: "/scim/v2/lyon/ville-lyon/Users",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
        payload: JSON.stringify(entraUser(local, `oid-${local}`)),
      });
      assert.equal(created.statusCode, 201, created.body);
    }
    await deliverUntilIdle(provisioning.engine, pass);
  });
  after(async () => {
    await app?.close();
    await new Promise((resolve) => peer?.close(resolve));
  });

  it("lists a connector's failed deliveries with the peer's answer, since when it fails, by state and person", async () => {
    const listed = await clients.secretariat.send("GET", `${API}/deliveries?state=failed&person=INES`);
    assert.equal(listed.status, 200, JSON.stringify(listed.json()));
    const body = listed.json();
    assert.deepEqual(body.counts, { pending: 0, failed: 2, done: 0 });
    assert.deepEqual(body.connectors, [
      {
        connectorId: chat,
        label: "Chat",
        kind: "scim",
        pending: 0,
        failed: 2,
        done: 0,
        failingSince: NOW.toISOString(),
      },
    ]);
    assert.equal(body.deliveries.length, 1);
    const [failed] = body.deliveries;
    assert.equal(failed.userName, "ines@ville-lyon.test");
    assert.equal(failed.attempts, 1);
    assert.match(
      failed.lastError,
      /HTTP 400 .*<script>alert/,
      "the peer's answer, as text (the page escapes it)",
    );
    const byConnector = await clients.secretariat.send(
      "GET",
      `${API}/deliveries?connectorId=${chat}&state=done`,
    );
    assert.deepEqual(byConnector.json().deliveries, []);
  });

  it("replays all failed deliveries of a connector: the secretariat's, with CSRF, audited; they turn done", async () => {
    const path = `${API}/connectors/${chat}/replay-failed`;
    for (const who of [clients.finance, clients.reader]) {
      assert.equal((await who.send("POST", path)).status, 403);
      assert.equal((await who.send("GET", `${API}/deliveries?state=failed`)).status, 403);
    }
    assert.equal((await clients.secretariat.send("POST", path, undefined, { csrf: false })).status, 403);
    const foreign = await clients.secretariat.send("POST", `${API}/connectors/${otherEntente}/replay-failed`);
    assert.equal(foreign.status, 404);
    assert.equal(foreign.json().code, "provisioning.connector_not_found");
    assert.equal((await new ConsoleClient(app).send("POST", path)).status, 401);
    peerAnswer = 201;
    const replayed = await clients.secretariat.send("POST", path);
    assert.equal(replayed.status, 200, JSON.stringify(replayed.json()));
    assert.deepEqual(replayed.json(), { replayed: 2 });
    const { rows } = await sql<{ actor: string; entity_id: string }>`
      SELECT actor, entity_id FROM audit_event WHERE action = 'provisioning.connector.replay_failed'`.execute(
      get().db,
    );
    assert.deepEqual(rows, [{ actor: "secretariat@lyon.entente.localhost", entity_id: chat }]);
    await deliverUntilIdle(provisioning.engine, pass);
    const listed = (await clients.secretariat.send("GET", `${API}/deliveries`)).json();
    assert.deepEqual(listed.counts, { pending: 0, failed: 0, done: 2 });
    assert.equal(listed.connectors[0].failingSince, null, "the peer answers again");
  });

  it("resync jobs: the secretariat starts, stops and resumes them; finance 403; another entente's connector 404", async () => {
    const start = (who: ConsoleClient, connectorId: string) =>
      who.send("POST", `${API}/connectors/${connectorId}/resyncs`, {});
    for (const who of [clients.finance, clients.reader]) {
      assert.equal((await start(who, chat)).status, 403);
      assert.equal((await who.send("GET", `${API}/resyncs`)).status, 403);
    }
    assert.equal(
      (await start(clients.secretariat, otherEntente)).json().code,
      "provisioning.connector_not_found",
    );
    const started = await start(clients.secretariat, chat);
    assert.equal(started.status, 202, JSON.stringify(started.json()));
    const jobId = started.json().id;
    assert.equal((await start(clients.secretariat, chat)).status, 409, "one open job per connector");
    for (const action of ["stop", "resume"])
      for (const who of [clients.finance, clients.reader])
        assert.equal((await who.send("POST", `${API}/resyncs/${jobId}/${action}`)).status, 403);
    const foreign = await clients.secretariat.send(
      "POST",
      `/api/ententes/autre/provisioning/resyncs/${jobId}/stop`,
    );
    assert.equal(foreign.status, 404, "another entente is not found for the secretariat of lyon");
    await provisioning.resyncRunner.idle();
    const [job] = (await clients.secretariat.send("GET", `${API}/resyncs`)).json();
    assert.equal(job.id, jobId);
    assert.equal(job.connectorId, chat);
    assert.ok(job.state === "done" || job.state === "failed", job.state);
    const stopDone = await clients.secretariat.send("POST", `${API}/resyncs/${jobId}/stop`);
    assert.equal(stopDone.status, 409);
    assert.equal(stopDone.json().code, "provisioning.resync_state");
  });
});
