import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeOnDatabases } from "../helpers/databases.ts";
import {
  entryBody,
  startWorkplaceFixture,
  subscriptionBody,
  type WorkplaceFixture,
} from "./workplace-fixtures.ts";

const API = "/api/ententes/lyon/workplace";

/** Fresh-user findings, item 6: a subscription read (GET) gives its storage as PUT takes it. */
describeOnDatabases("workplace: a subscription read can be written back", (get) => {
  let f: WorkplaceFixture;
  let visio = "";
  before(async () => {
    f = await startWorkplaceFixture(get(), () => new Date("2026-01-15T10:00:00Z"));
    visio = await f.registerClient("lyon", "Visio");
    assert.equal(
      (await f.clients.secretariat.send("POST", `${API}/services`, entryBody(visio, "video", 1))).status,
      201,
    );
  });

  it("GET gives storage as bytes and as { value, unit }; writing that back stores the same bytes", async () => {
    const url = `${API}/services/${visio}/subscriptions/ville-lyon`;
    const { secretariat } = f.clients;
    const body = subscriptionBody({
      storagePerAccount: { value: 10240, unit: "MiB" },
      storagePerMember: { value: 1500, unit: "GB" },
    });
    const created = await secretariat.send("PUT", url, body);
    assert.equal(created.status, 200, JSON.stringify(created.json()));
    const read = (await secretariat.send("GET", `${API}/services/${visio}/subscriptions`)).json();
    const mine = read.find((s: { memberId: string }) => s.memberId === "ville-lyon");
    assert.deepEqual(
      [
        mine.storagePerAccountBytes,
        mine.storagePerAccount,
        mine.storagePerMemberBytes,
        mine.storagePerMember,
      ],
      [10 * 1024 ** 3, { value: 10, unit: "GiB" }, 1.5e12, { value: 1500, unit: "GB" }],
    );
    const back = await secretariat.send("PUT", url, {
      ...body,
      storagePerAccount: mine.storagePerAccount,
      storagePerMember: mine.storagePerMember,
      rowVersion: mine.rowVersion,
    });
    assert.equal(back.status, 200, JSON.stringify(back.json()));
    assert.deepEqual(
      [back.json().storagePerAccountBytes, back.json().storagePerMemberBytes],
      [10 * 1024 ** 3, 1.5e12],
    );
  });

  it("GET then PUT of the same body, read-only fields included, is 200 and changes nothing", async () => {
    const url = `${API}/services/${visio}/subscriptions/metropole`;
    const { secretariat } = f.clients;
    const wave = {
      label: "Vague 1",
      plannedStart: "2023-02-01",
      plannedEnd: "2023-06-30",
      actualStart: null,
      actualEnd: null,
      accountsPlanned: 120,
      accountsMigrated: 20,
    };
    const created = await secretariat.send(
      "PUT",
      url,
      subscriptionBody({ roles: ["agent"], groups: ["dsi"], seats: { value: 120, unit: "accounts" }, wave }),
    );
    assert.equal(created.status, 200, JSON.stringify(created.json()));
    const readAll = async () =>
      (await secretariat.send("GET", `${API}/services/${visio}/subscriptions`)).json();
    const read = (await readAll()).find((s: { memberId: string }) => s.memberId === "metropole");
    assert.deepEqual(
      [read.clientId, read.memberId, read.seats, read.wave.accountsRemaining],
      [visio, "metropole", 120, 100],
    );
    const back = await secretariat.send("PUT", url, read);
    assert.equal(back.status, 200, JSON.stringify(back.json()));
    const again = (await readAll()).find((s: { memberId: string }) => s.memberId === "metropole");
    assert.deepEqual(again, { ...read, rowVersion: again.rowVersion }, "nothing changed but the version");
    assert.deepEqual(back.json(), again);
  });

  it("a read-only field that does not match is refused with 400 naming it, and nothing is written", async () => {
    const url = `${API}/services/${visio}/subscriptions/metropole`;
    const { secretariat } = f.clients;
    const readOne = async () =>
      (await secretariat.send("GET", `${API}/services/${visio}/subscriptions`))
        .json()
        .find((s: { memberId: string }) => s.memberId === "metropole");
    const read = await readOne();
    for (const [change, field, said] of [
      [
        { memberId: "sitiv" },
        "memberId",
        /« metropole » \(le membre de l'adresse de la requête\).*« sitiv »/,
      ],
      [{ clientId: "autre" }, "clientId", new RegExp(`« ${visio} ».*« autre »`)],
      [
        { storagePerAccountBytes: 1 },
        "storagePerAccountBytes",
        /calculé depuis storagePerAccount.*changez storagePerAccount/,
      ],
      [{ wave: { ...read.wave, accountsRemaining: 7 } }, "wave.accountsRemaining", /« 100 ».*« 7 »/],
    ] as const) {
      const refused = await secretariat.send("PUT", url, { ...read, ...change });
      assert.equal(refused.status, 400, JSON.stringify(refused.json()));
      assert.equal(refused.json().code, "workplace.read_only_field");
      assert.equal(refused.json().errors[0].field, field);
      assert.match(refused.json().detail, said);
    }
    assert.deepEqual(await readOne(), read, "nothing written");
  });
});
