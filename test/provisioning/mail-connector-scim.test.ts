import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely } from "kysely";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import type { OpenDatabase } from "../../src/platform/db/open-database.ts";
import { deliverUntilIdle } from "../../src/provisioning/app/deliver-due-events.ts";
import { addConnector, listDeliveries } from "../../src/provisioning/app/delivery-admin.ts";
import { mailMigrationReport, prepareMemberMailboxes } from "../../src/provisioning/app/mail-migration.ts";
import { rewriteMailDirectory } from "../../src/provisioning/connectors/mail-connector.ts";
import type { WorkplaceDatabase } from "../../src/workplace/db/tables.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { signInService } from "../helpers/oidc-harness.ts";
import { sendMail } from "./mail-clients.ts";
import { entraUser, json, PATCH_OP, type ScimHarness, startScimHarness } from "./scim-harness.ts";
import { type MailPlatform, startMailPlatform } from "./start-mail-platform.ts";

/**
 * The webmail as a catalogued service the Métropole subscribes to, with 2 GiB per account and
 * its migration wave, and the Ville de Lyon without a quota (rows as the workplace writes them; its
 * API is tested in test/workplace). The subscriptions govern who gets a mailbox
 * (docs/provisioning.md, "Subscription days, groups and roles").
 * @returns the service's client id.
 */
async function subscribeMetropoleToMail(database: OpenDatabase): Promise<string> {
  const db = database.db as Kysely<WorkplaceDatabase>;
  const { client } = await createServiceClientStore(database.db).createClient(
    "lyon",
    signInService("https://webmail.lyon.test"),
  );
  await db
    .insertInto("workplace_service")
    .values({
      client_id: client.clientId,
      entente_id: "lyon",
      kind: "mail",
      description: "Messagerie collaborative",
      url: "https://webmail.lyon.test",
      maturity: "stable",
      display_order: 0,
    })
    .execute();
  await db
    .insertInto("workplace_subscription")
    .values({
      client_id: client.clientId,
      entente_id: "lyon",
      member_id: "metropole",
      starts_on: "2024-01-01",
      storage_per_account: 2n * 1024n ** 3n,
      wave_label: "Vague 1 — Métropole",
      wave_planned_start: "2026-03-16",
      accounts_planned: 3,
      accounts_migrated: 0,
    })
    .execute();
  await db
    .insertInto("workplace_subscription")
    .values({
      client_id: client.clientId,
      entente_id: "lyon",
      member_id: "ville-lyon",
      starts_on: "2024-01-01",
    })
    .execute();
  return client.clientId;
}

/** This branch's range (20350–20399), apart from mail-platform.test.ts's. */
const PORTS = { imap: 20360, lmtp: 20361, smtp: 20362, submission: 20363 };
const pass = { batch: 50, concurrency: 4, leaseSeconds: 60, maxPasses: 10 };

/**
 * From a member's directory to the mail platform through the delivery engine: the Ville de Lyon's
 * Entra ID creates a person → a mailbox Postfix receives for; a person of the Métropole too, at
 * the Métropole's domain; `active: "False"` → the mailbox is suspended (sign-in denied, sessions
 * kicked, auth cache flushed), mail still received. Sign-in itself: mail-platform.test.ts.
 */
describeOnDatabases("mail connector fed by SCIM through the delivery engine", (get) => {
  let h: ScimHarness;
  let platform: MailPlatform;
  const clock = new Date("2026-03-02T09:00:00Z");

  before(async () => {
    h = await startScimHarness(get(), () => clock);
    platform = await startMailPlatform({
      ports: PORTS,
      // Nobody signs in here: the hub is not started, the passdb only needs settings.
      oauth2: () => ["introspection_mode = post", "introspection_url = http://127.0.0.1:9/introspection"],
      prepare: async (dir, doveadm) => {
        const settings = {
          dir,
          domains: ["ville-lyon.test", "metropole.test"],
          quotaBytes: 1024 ** 3,
          doveadm,
          lastLoginDir: join(dir, "..", "last-login"),
        };
        await addConnector(h.provisioning.admin, null, "lyon", {
          kind: "mail",
          label: "Messagerie collaborative",
          clientId: await subscribeMetropoleToMail(get()),
          settings,
          secret: null,
          memberIds: null,
          enabled: true,
        });
        await rewriteMailDirectory({
          id: "x",
          ententeId: "lyon",
          kind: "mail",
          label: "",
          clientId: null,
          settings,
          secret: null,
          memberIds: null,
          enabled: true,
        });
      },
    });
  });
  after(async () => {
    await h?.app.close();
    await platform?.stop();
  });

  it("creates a mailbox per person and member address; Postfix then receives for it", async () => {
    await h.scim("ville-lyon", "POST", "/Users", entraUser("jeanne.martin", "oid-1"));
    await h.scim("metropole", "POST", "/Users", entraUser("jeanne.martin", "oid-2", "metropole.test"));
    assert.deepEqual(await deliverUntilIdle(h.provisioning.engine, pass), {
      delivered: 2,
      retried: 0,
      failed: 0,
    });
    const users = readFileSync(join(platform.directoryDir, "users"), "utf8");
    assert.match(users, /^jeanne\.martin@metropole\.test:/m);
    assert.match(users, /^jeanne\.martin@ville-lyon\.test:/m);
    const message = { from: "x@metropole.test", subject: "Bienvenue", body: "x" };
    assert.equal(await sendMail(PORTS.smtp, { ...message, to: "jeanne.martin@ville-lyon.test" }), null);
    assert.match(
      String(await sendMail(PORTS.smtp, { ...message, to: "paul@ville-lyon.test" })),
      /RCPT failed: 550/,
    );
  });

  it("suspends the mailbox when the member sets active: 'False' (kick and cache flush succeed)", async () => {
    const list = json(
      await h.scim("ville-lyon", "GET", '/Users?filter=userName eq "jeanne.martin@ville-lyon.test"'),
    );
    const id = String((list.Resources as { id: string }[])[0]?.id);
    await h.scim("ville-lyon", "PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    });
    assert.deepEqual(await deliverUntilIdle(h.provisioning.engine, pass), {
      delivered: 1,
      retried: 0,
      failed: 0,
    });
    const done = (await listDeliveries(h.provisioning.admin, null, "lyon", { state: "done" })).deliveries;
    assert.ok(done.some((d) => d.kind === "suspended"));
    assert.equal(
      readFileSync(join(platform.directoryDir, "denied"), "utf8"),
      "jeanne.martin@ville-lyon.test:\n",
    );
    assert.equal(
      await sendMail(PORTS.smtp, {
        from: "x@metropole.test",
        to: "jeanne.martin@ville-lyon.test",
        subject: "s",
        body: "x",
      }),
      null,
      "a suspended mailbox still receives: the data is kept",
    );
  });

  it("prepares a member's mailboxes ahead of the switch and reports its progress against the wave", async () => {
    const users = readFileSync(join(platform.directoryDir, "users"), "utf8");
    assert.match(
      users,
      /^jeanne\.martin@metropole\.test:::::::userdb_quota_rule=\*:storage=2147483648B$/m,
      "the subscription's quota",
    );
    assert.match(
      users,
      /^jeanne\.martin@ville-lyon\.test:::::::userdb_quota_rule=\*:storage=1073741824B$/m,
      "the settings' quota",
    );
    // A person pushed while no delivery ran (the connector is declared after the directory, in real life).
    await h.scim("metropole", "POST", "/Users", entraUser("paul.durand", "oid-3", "metropole.test"));
    const m = h.provisioning.mailMigration;
    const [before] = await mailMigrationReport(m, null, "lyon", "metropole");
    assert.deepEqual(
      { ...before, wave: before?.wave?.label },
      {
        memberId: "metropole",
        wave: "Vague 1 — Métropole",
        daysToStart: 14,
        planned: 3,
        created: 1,
        signedIn: 0,
        stage: "created",
        domains: ["metropole.test"],
        storageUsedBytes: 0,
      },
    );
    const prepared = await prepareMemberMailboxes(m, null, "lyon", "metropole");
    assert.deepEqual(prepared, { memberId: "metropole", accounts: 2, done: 2, refused: [] });
    const report = await mailMigrationReport(m, null, "lyon", null);
    assert.deepEqual(
      report.map((l) => [l.memberId, l.planned, l.created, l.signedIn, l.stage]),
      [
        ["metropole", 3, 2, 0, "created"],
        ["ville-lyon", 0, 0, 0, "planned"], // Jeanne suspended there: no account planned nor counted
      ],
    );
    // Dovecot re-reads its userdb at most once a second: a mailbox is there once doveadm knows it.
    const known = (user: string) => {
      try {
        execFileSync(platform.doveadm[0] ?? "doveadm", [...platform.doveadm.slice(1), "user", user], {
          stdio: "pipe",
        });
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 50 && !known("paul.durand@metropole.test"); i++) await sleep(100);
    assert.equal(
      await sendMail(PORTS.smtp, {
        from: "x@ville-lyon.test",
        to: "paul.durand@metropole.test",
        subject: "Bienvenue à la Métropole",
        body: "x".repeat(5000),
      }),
      null,
    );
    // Delivered asynchronously (queue, then LMTP): the storage used then counts it (Dovecot's KiB).
    const doveadm = (...args: string[]) =>
      execFileSync(platform.doveadm[0] ?? "doveadm", [...platform.doveadm.slice(1), ...args], {
        encoding: "utf8",
      });
    for (
      let i = 0;
      i < 100 && !doveadm("search", "-u", "paul.durand@metropole.test", "mailbox", "INBOX", "ALL").trim();
      i++
    )
      await sleep(100);
    let used = 0;
    for (let i = 0; i < 100 && used === 0; i++) {
      used = (await mailMigrationReport(m, null, "lyon", "metropole"))[0]?.storageUsedBytes ?? 0;
      if (used === 0) await sleep(100);
    }
    assert.ok(
      used >= 5 * 1024,
      `storage used: ${used} bytes; ${doveadm("-f", "tab", "quota", "get", "-A")}; ${platform.postfixLog().slice(-1500)}`,
    );
  });
});
