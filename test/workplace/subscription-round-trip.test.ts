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
});
