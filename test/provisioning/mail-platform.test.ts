import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import * as client from "openid-client";
import { createResourceServerRegistry } from "../../src/identity/app/resource-server-registry.ts";
import { exportDovecotKeys } from "../../src/identity/cli/dovecot-keys.ts";
import { createDatabaseOidcAdapter } from "../../src/identity/db/oidc-adapter.ts";
import { createSigningKeyStore } from "../../src/identity/db/oidc-signing-key-store.ts";
import { createResourceServerStore } from "../../src/identity/db/resource-server-store.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import { migrateToLatest } from "../../src/platform/db/migrate.ts";
import { type OpenDatabase, openDatabase } from "../../src/platform/db/open-database.ts";
import type { ConnectorChange, ConnectorRecord } from "../../src/provisioning/app/connector.ts";
import {
  mailKind,
  rewriteMailDirectory,
  signedInOf,
} from "../../src/provisioning/connectors/mail-connector.ts";
import {
  createFakePeople,
  insertEntente,
  listen,
  ONE_FACTOR_SIGN_IN,
  providerOptions,
  type RunningServer,
  relyingParty,
  signIn,
  signInService,
  startNode,
  TestBrowser,
} from "../helpers/oidc-harness.ts";
import { migratedPgliteTemplate } from "../helpers/pglite-template.ts";
import { imapLoginWithToken } from "../helpers/start-dovecot.ts";
import { openImapSession, readMailWithToken, sendMail } from "./mail-clients.ts";
import { type MailPlatform, startMailPlatform } from "./start-mail-platform.ts";

// The collaborative email for real (docs/mail-platform.md): the mail connector writes Dovecot's
// users and Postfix's tables; Postfix receives and hands over by LMTP to Dovecot; Alice reads
// her mail in IMAP with the hub's access token (JWT validated locally by Dovecot).
const PORTS = { imap: 20350, lmtp: 20351, smtp: 20352, submission: 20353 }; // this branch's range: 20350–20399
const MAIL = "https://mail.e1.test/";
const USER = "alice@sitiv.fr";
const MIB = 1024 * 1024;

const change = (kind: ConnectorChange["kind"], email = USER, memberId = "sitiv"): ConnectorChange => ({
  eventId: `${kind}-${email}`,
  kind,
  sub: "alice-sub",
  ententeId: "e1",
  memberId,
  account: {
    userName: email,
    active: kind !== "suspended" && kind !== "deleted",
    email,
    givenName: "Alice",
    familyName: "Martin",
    displayName: "Alice Martin",
    role: "agent",
    groups: [],
  },
});

describe("mail platform: provisioning → Postfix → LMTP → Dovecot, read with the hub's token", () => {
  let database: OpenDatabase;
  let node: Awaited<ReturnType<typeof startNode>>;
  let rp: RunningServer;
  let webmail: client.Configuration;
  let platform: MailPlatform;
  let record: ConnectorRecord;
  const stops: (() => Promise<unknown>)[] = [];

  const token = async () => {
    const { tokens } = await signIn(webmail, new TestBrowser(), node.server.url, `${rp.url}/cb`, {
      scope: "openid email mail",
      resource: MAIL,
    });
    return (await client.refreshTokenGrant(webmail, tokens.refresh_token ?? "", { resource: MAIL }))
      .access_token;
  };
  const doveadm = (...args: string[]) =>
    execFileSync(platform.doveadm[0] ?? "doveadm", [...platform.doveadm.slice(1), ...args], {
      encoding: "utf8",
    });
  /** Mail is handed over asynchronously (Postfix's queue, then LMTP): waits for the message to be there. */
  const readWhenDelivered = async (user: string, bearer: string, subject: string, uid = 1) => {
    for (let i = 0; i < 100; i++) {
      const message = await readMailWithToken(PORTS.imap, user, bearer, uid).catch(() => "");
      if (message?.includes(subject)) return message;
      await sleep(100);
    }
    assert.fail(`no message "${subject}" for ${user}; Postfix said:\n${platform.postfixLog()}`);
  };

  before(async () => {
    database = await openDatabase({
      kind: "pglite",
      dataDir: "memory://",
      loadDataDir: await migratedPgliteTemplate(),
    });
    stops.push(() => database.close());
    await migrateToLatest(database.db);
    await insertEntente(database.db, "e1");
    const resourceServers = createResourceServerRegistry(createResourceServerStore(database.db));
    await resourceServers.createResourceServer(
      "e1",
      {
        name: "mail",
        audience: MAIL,
        scopes: ["mail"],
        tokenFormat: "jwt",
        jwtType: "JWT",
        accessTokenTtlSeconds: 300,
        enabled: true,
      },
      { id: "test", label: "test" },
    );
    rp = await listen((_req, res) => res.end("rp"));
    stops.push(() => rp.close());
    const clients = createServiceClientStore(database.db);
    const keyStore = createSigningKeyStore(database.db);
    node = await startNode(
      providerOptions({
        adapter: createDatabaseOidcAdapter(database.db),
        keyStore,
        clients,
        resourceServers,
        people: createFakePeople(),
      }),
      { ...ONE_FACTOR_SIGN_IN },
    );
    stops.push(
      () => node.server.close(),
      () => node.op.close(),
    );
    const created = await clients.createClient("e1", signInService(rp.url));
    webmail = await relyingParty(`${node.server.url}/oidc`, created.client.clientId, created.clientSecret);
    platform = await startMailPlatform({
      ports: PORTS,
      oauth2: (dir) => [
        "introspection_mode = local",
        `local_validation_key_dict = fs:posix:prefix=${dir}/keys/`,
        `issuers = ${node.server.url}/oidc`,
        "username_attribute = email",
        "active_attribute = aud",
        `active_value = ${MAIL}`,
      ],
      prepare: async (dir, doveadmCommand) => {
        record = {
          id: "mail",
          ententeId: "e1",
          kind: "mail",
          label: "Messagerie",
          clientId: null,
          settings: {
            dir,
            domains: ["sitiv.fr", "ville.test"],
            quotaBytes: 10 * MIB,
            sharedMailboxes: [{ address: "accueil@sitiv.fr", memberId: "sitiv", quotaBytes: 50 * MIB }],
            doveadm: doveadmCommand,
          },
          secret: null,
          memberIds: null,
          enabled: true,
        };
        await rewriteMailDirectory(record);
      },
    });
    stops.push(() => platform.stop());
    await exportDovecotKeys(
      keyStore,
      { dir: join(platform.dir, "keys"), lang: "en" },
      { write: () => {}, isTerminal: false },
    );
  });
  after(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  it("a provisioned person receives a message through Postfix and reads it in IMAP with the hub's token", async () => {
    const connector = mailKind.create(record);
    assert.deepEqual(await connector.deliver(change("created")), {
      status: "done",
      detail: `${USER} active`,
    });
    assert.equal((await connector.deliver(change("created"))).status, "done", "a retried delivery");
    // Dovecot re-reads its userdb at most once a second (meanwhile LMTP answers 4xx and Postfix retries later).
    for (let i = 0; i < 50; i++) {
      try {
        doveadm("user", USER);
        break;
      } catch {
        await sleep(100);
      }
    }
    assert.equal(
      await sendMail(PORTS.smtp, {
        from: "maire@ville.test",
        to: USER,
        subject: "Conseil du 12",
        body: "Ordre du jour",
      }),
      null,
    );
    const message = await readWhenDelivered(USER, await token(), "Conseil du 12");
    assert.match(message, /Ordre du jour/);
    assert.match(doveadm("quota", "get", "-u", USER), /STORAGE\s+\d+\s+10240\b/, "10 MiB from the settings");
    const withLastLogin = {
      ...record,
      settings: { ...record.settings, lastLoginDir: join(platform.dir, "last-login") },
    };
    assert.deepEqual(
      [...(await signedInOf(withLastLogin))],
      [USER],
      "her first sign-in, for the migration's report",
    );
  });

  it("sends through Dovecot's submission with the hub's token; without a token nothing is accepted", async () => {
    const bearer = await token();
    const message = { from: USER, to: "accueil@sitiv.fr", subject: "Envoi authentifié", body: "x" };
    assert.equal(
      await sendMail(PORTS.submission, message, { user: USER, bearer }),
      null,
      platform.dovecotLog().slice(-3000),
    );
    assert.match(
      String(await sendMail(PORTS.submission, message)),
      /530|authentication/i,
      "no token: refused",
    );
    for (
      let i = 0;
      i < 100 &&
      !doveadm("search", "-u", "accueil@sitiv.fr", "mailbox", "INBOX", "SUBJECT", "authentifié").trim();
      i++
    )
      await sleep(100);
    assert.notEqual(
      doveadm("search", "-u", "accueil@sitiv.fr", "mailbox", "INBOX", "SUBJECT", "authentifié").trim(),
      "",
    );
  });

  it("refuses unknown recipients at RCPT and relays nothing; the shared mailbox receives", async () => {
    const unknown = await sendMail(PORTS.smtp, {
      from: USER,
      to: "personne@sitiv.fr",
      subject: "x",
      body: "x",
    });
    assert.match(String(unknown), /RCPT failed: 550/);
    const foreign = await sendMail(PORTS.smtp, {
      from: USER,
      to: "someone@example.org",
      subject: "x",
      body: "x",
    });
    assert.match(String(foreign), /RCPT failed: 554/);
    assert.match(platform.postfixLog(), /550 5\.1\.1 <personne@sitiv\.fr>: Recipient address rejected/);
    assert.equal(
      await sendMail(PORTS.smtp, { from: USER, to: "accueil@sitiv.fr", subject: "Accueil", body: "x" }),
      null,
    );
    for (
      let i = 0;
      i < 100 && !doveadm("search", "-u", "accueil@sitiv.fr", "mailbox", "INBOX", "ALL").trim();
      i++
    )
      await sleep(100);
    assert.notEqual(doveadm("search", "-u", "accueil@sitiv.fr", "mailbox", "INBOX", "ALL").trim(), "");
  });

  it("a person of two members gets one mailbox per member address, never a merged one", async () => {
    const connector = mailKind.create(record);
    assert.equal((await connector.deliver(change("created", "alice@ville.test", "ville"))).status, "done");
    const users = readFileSync(join(platform.directoryDir, "users"), "utf8");
    assert.match(users, /^alice@sitiv\.fr:/m);
    assert.match(users, /^alice@ville\.test:/m);
    const taken = await connector.deliver({ ...change("created", USER, "ville"), sub: "someone-else" });
    assert.equal(taken.status, "reject");
    assert.match(String(taken.detail), /already the mailbox of another person of sitiv/);
  });

  it("suspension kicks the open IMAP session, refuses a still valid token, keeps receiving; reactivation lets in", async () => {
    const bearer = await token();
    const session = await openImapSession(PORTS.imap, USER, bearer);
    try {
      const connector = mailKind.create(record);
      assert.deepEqual(await connector.deliver(change("suspended")), {
        status: "done",
        detail: `${USER} suspended`,
      });
      await Promise.race([
        session.closed,
        sleep(10_000).then(() => assert.fail("the session was not kicked")),
      ]);
      assert.match(session.transcript(), /BYE/);
      assert.equal(
        await imapLoginWithToken(PORTS.imap, USER, bearer),
        false,
        `the JWT is still valid: refused by the deny passdb\n${platform.dovecotLog().slice(-4000)}`,
      );
      assert.equal(
        await sendMail(PORTS.smtp, { from: "x@ville.test", to: USER, subject: "Pendant", body: "x" }),
        null,
      );
      assert.equal((await connector.deliver(change("reactivated"))).status, "done");
      assert.ok(
        await readWhenDelivered(USER, bearer, "Pendant", 2),
        "the data kept, the mail received meanwhile",
      );
    } finally {
      session.close();
    }
  });
});
