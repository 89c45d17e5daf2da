import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { sql } from "kysely";
import type { ConnectorKind, PeerAccount } from "../../src/provisioning/app/connector.ts";
import { addConnector } from "../../src/provisioning/app/delivery-admin.ts";
import {
  changeResync,
  type ResyncJob,
  runResyncJob,
  startResync,
} from "../../src/provisioning/app/resync-job.ts";
import { EntenteError } from "../../src/provisioning/errors.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { entraUser, json, PATCH_OP, type ScimHarness, startScimHarness } from "./scim-harness.ts";

/**
 * The full resync as a job on PGlite and PostgreSQL: stopped after k pages then resumed, it
 * compares every account once and queues exactly the repairs of an uninterrupted run; one node
 * at a time runs a job (its lease). The tools are in-memory test doubles of the plugin's `list`
 * (the real tools' `list`: scim-client-connector.test.ts, ejabberd-connector.test.ts).
 */
describeOnDatabases("provisioning resync job", (get) => {
  let h: ScimHarness;
  let clock = new Date("2026-03-02T09:00:00Z");
  const tools = new Map<string, PeerAccount[]>();
  let listings = 0;
  const memory: ConnectorKind = {
    kind: "memory",
    checkSettings: (s) => (typeof s.tool === "string" ? [] : ["settings.tool: a string is expected"]),
    create: (record) => ({
      deliver: async () => ({ status: "done" }),
      async list() {
        listings += 1;
        return tools.get(String(record.settings.tool)) ?? [];
      },
    }),
  };
  const subs: string[] = [];
  const connectorIds: Record<"interrupted" | "straight", string> = { interrupted: "", straight: "" };

  before(async () => {
    h = await startScimHarness(get(), () => clock, { extraKinds: [memory] });
    for (const local of ["ana", "bea", "cid", "dan", "eve", "fay", "gus"]) {
      const created = json(await h.scim("ville-lyon", "POST", "/Users", entraUser(local, `oid-${local}`)));
      subs.push(await subOf(String(created.id)));
    }
    // gus leaves: suspended in Entente, still active at the tools.
    await h.scim("ville-lyon", "PATCH", `/Users/${await userIdOf("gus")}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    });
    for (const key of ["interrupted", "straight"] as const) {
      const tool: PeerAccount[] = [
        peer(subs[0] ?? "", "ana@ville-lyon.test", true),
        peer(subs[1] ?? "", "bea@ville-lyon.test", true, "Béatrice"),
        peer(subs[6] ?? "", "gus@ville-lyon.test", true),
        peer("zz-unknown", "intrus@ville-lyon.test", true),
      ];
      tools.set(key, tool);
      connectorIds[key] = (
        await addConnector(h.provisioning.admin, null, "lyon", {
          kind: "memory",
          label: key,
          clientId: null,
          settings: { tool: key },
          secret: null,
          memberIds: ["ville-lyon"],
          enabled: true,
        })
      ).id;
    }
  });
  after(async () => h?.app.close());

  const peer = (sub: string, userName: string, active: boolean, givenName = "Jeanne"): PeerAccount => ({
    sub,
    userName,
    active,
    email: userName,
    givenName,
    familyName: "Martin",
  });
  async function userIdOf(local: string): Promise<string> {
    const found = json(
      await h.scim(
        "ville-lyon",
        "GET",
        `/Users?filter=${encodeURIComponent(`userName eq "${local}@ville-lyon.test"`)}`,
      ),
    );
    return String(found.Resources?.[0]?.id);
  }
  async function subOf(userId: string): Promise<string> {
    const { rows } = await sql<{ sub: string }>`SELECT sub FROM scim_user WHERE id = ${userId}`.execute(
      get().db,
    );
    return rows[0]?.sub ?? "";
  }
  /** The repairs queued for a connector: (sub, kind, userName, active), in event order. */
  async function repairsOf(connectorId: string) {
    const { rows } = await sql<{ sub: string; kind: string; payload: { userName: string; active: boolean } }>`
      SELECT e.sub, e.kind, e.payload FROM provisioning_delivery d JOIN provisioning_event e ON e.id = d.event_id
      WHERE d.connector_id = ${connectorId} ORDER BY e.id`.execute(get().db);
    return rows.map((r) => [
      r.sub === "zz-unknown" ? r.sub : subs.indexOf(r.sub),
      r.kind,
      r.payload.userName,
      r.payload.active,
    ]);
  }
  const counts = (job: ResyncJob | null) =>
    job === null
      ? null
      : {
          state: job.state,
          total: job.total,
          compared: job.compared,
          created: job.created,
          updated: job.updated,
          disabled: job.disabled,
        };

  it("stopped after 2 pages then resumed, it compares every account once and queues what an uninterrupted run does", async () => {
    const deps = h.provisioning.resyncJobs;
    const interrupted = await startResync(deps, null, "lyon", connectorIds.interrupted);
    let pages = 0;
    const stopped = await runResyncJob(deps, interrupted.id, "node-a", {
      pageSize: 2,
      onPage: async (job) => {
        pages += 1;
        if (pages === 2) await changeResync(deps, null, "lyon", job.id, "stop");
      },
    });
    assert.equal(stopped?.state, "stopped");
    assert.deepEqual([stopped?.total, stopped?.compared], [8, 4], "two pages of two, of 8 accounts");
    assert.equal(pages, 2, "the page after the stop is not written");
    await assert.rejects(
      startResync(deps, null, "lyon", connectorIds.interrupted),
      codeIs("provisioning.resync_open"),
    );
    await changeResync(deps, null, "lyon", interrupted.id, "resume");
    const resumed = await runResyncJob(deps, interrupted.id, "node-b", { pageSize: 2 });
    assert.deepEqual(counts(resumed), {
      state: "done",
      total: 8,
      compared: 8,
      created: 4,
      updated: 1,
      disabled: 2,
    });

    const straight = await startResync(deps, null, "lyon", connectorIds.straight);
    const done = await runResyncJob(deps, straight.id, "node-c", { pageSize: 3 });
    assert.deepEqual(counts(done), counts(resumed));
    const byName = (a: unknown[], b: unknown[]) => String(a[2]).localeCompare(String(b[2]));
    const repairs = (await repairsOf(connectorIds.interrupted)).sort(byName);
    assert.deepEqual(repairs, (await repairsOf(connectorIds.straight)).sort(byName));
    assert.deepEqual(
      repairs.map((r) => r[0]),
      [...new Set(repairs.map((r) => r[0]))],
      "each account repaired once",
    );
    assert.deepEqual(repairs, [
      [1, "updated", "bea@ville-lyon.test", true],
      [2, "created", "cid@ville-lyon.test", true],
      [3, "created", "dan@ville-lyon.test", true],
      [4, "created", "eve@ville-lyon.test", true],
      [5, "created", "fay@ville-lyon.test", true],
      [6, "suspended", "gus@ville-lyon.test", false],
      ["zz-unknown", "suspended", "intrus@ville-lyon.test", false],
    ]);
    await assert.rejects(
      changeResync(deps, null, "lyon", straight.id, "stop"),
      codeIs("provisioning.resync_state"),
    );
    await assert.rejects(
      changeResync(deps, null, "autre", straight.id, "stop"),
      codeIs("provisioning.resync_not_found"),
    );
  });

  it("one node at a time: a job held by a live lease is not run by another node; a failed listing fails the job", async () => {
    const deps = h.provisioning.resyncJobs;
    const job = await startResync(deps, null, "lyon", connectorIds.straight);
    const lease = new Date(clock.getTime() + 60_000);
    assert.notEqual(await deps.jobs.claim(job.id, "node-a", clock, lease), null);
    assert.equal(await runResyncJob(deps, job.id, "node-b"), null, "node-b waits for node-a's lease");
    assert.deepEqual(await deps.jobs.runnable(clock), []);
    assert.deepEqual(
      await deps.jobs.runnable(new Date(lease.getTime() + 1)),
      [job.id],
      "taken over after the lease",
    );
    const before = listings;
    clock = new Date(lease.getTime() + 1);
    tools.set(
      "straight",
      new Proxy([], {
        get: () => {
          throw new Error("tool down");
        },
      }),
    );
    const failed = await runResyncJob(deps, job.id, "node-a");
    assert.equal(listings, before + 1);
    assert.equal(failed?.state, "failed");
    assert.equal(failed?.errors, 1);
    assert.match(String(failed?.lastError), /tool down/);
  });
});

const codeIs = (code: string) => (error: unknown) => error instanceof EntenteError && error.code === code;
