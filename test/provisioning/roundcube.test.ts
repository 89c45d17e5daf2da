import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { Browser } from "playwright-core";
import { createDatabaseOidcAdapter } from "../../src/identity/db/oidc-adapter.ts";
import { createSigningKeyStore } from "../../src/identity/db/oidc-signing-key-store.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import { migrateToLatest } from "../../src/platform/db/migrate.ts";
import { type OpenDatabase, openDatabase } from "../../src/platform/db/open-database.ts";
import { mailKind, rewriteMailDirectory } from "../../src/provisioning/connectors/mail-connector.ts";
import { launchChromium } from "../e2e/console-harness.ts";
import {
  createFakePeople,
  insertEntente,
  ONE_FACTOR_SIGN_IN,
  providerOptions,
  signInService,
  startNode,
} from "../helpers/oidc-harness.ts";
import { migratedPgliteTemplate } from "../helpers/pglite-template.ts";
import { sendMail } from "./mail-clients.ts";
import { type MailPlatform, startMailPlatform } from "./start-mail-platform.ts";
import { type RunningRoundcube, startRoundcube } from "./start-roundcube.ts";

// Issue 12: Debian's Roundcube 1.6.5 signs Alice in through the hub (a confidential service
// exempted from PKCE: it sends none) and reads, with XOAUTH2, the message Postfix delivered;
// Dovecot checks the opaque token by introspection, with the mail server's own client, and finds
// the mailbox by the token's `email` (docs/identity.md, "PKCE exemption").
const PORTS = { imap: 20650, lmtp: 20651, smtp: 20652, submission: 20653 }; // this branch's range: 20650–20699
const ROUNDCUBE_PORT = 20654;
const USER = "alice@sitiv.fr";

describe("Roundcube 1.6 signs in through the hub and reads the mailbox", () => {
  let database: OpenDatabase;
  let node: Awaited<ReturnType<typeof startNode>>;
  let platform: MailPlatform;
  let roundcube: RunningRoundcube;
  let browser: Browser;
  const stops: (() => Promise<unknown>)[] = [];

  before(async () => {
    database = await openDatabase({
      kind: "pglite",
      dataDir: "memory://",
      loadDataDir: await migratedPgliteTemplate(),
    });
    stops.push(() => database.close());
    await migrateToLatest(database.db);
    await insertEntente(database.db, "e1");
    const clients = createServiceClientStore(database.db);
    node = await startNode(
      providerOptions({
        adapter: createDatabaseOidcAdapter(database.db),
        keyStore: createSigningKeyStore(database.db),
        clients,
        people: createFakePeople(),
      }),
      { ...ONE_FACTOR_SIGN_IN },
    );
    stops.push(
      () => node.server.close(),
      () => node.op.close(),
    );
    const issuer = `${node.server.url}/oidc`;
    const redirect = `http://127.0.0.1:${ROUNDCUBE_PORT}/index.php/login/oauth`;
    const webmail = await clients.createClient(
      "e1",
      signInService(`http://127.0.0.1:${ROUNDCUBE_PORT}`, {
        name: "Roundcube",
        redirectUris: [redirect],
        postLogoutRedirectUris: [],
        backchannelLogoutUri: null,
        tokenEndpointAuthMethod: "client_secret_post",
        scopes: ["openid", "email", "profile"],
        pkceExempt: true,
      }),
    );
    // The mail server reads the webmail's tokens by introspection with its own client (same entente).
    const mailServer = await clients.createClient(
      "e1",
      signInService("http://127.0.0.1:1", {
        name: "Messagerie",
        grantTypes: ["client_credentials"],
        scopes: [],
        redirectUris: [],
        postLogoutRedirectUris: [],
        backchannelLogoutUri: null,
      }),
    );
    const introspection = new URL(`${issuer}/token/introspection`);
    introspection.username = mailServer.client.clientId;
    introspection.password = mailServer.clientSecret ?? "";
    platform = await startMailPlatform({
      ports: PORTS,
      oauth2: () => [
        "introspection_mode = post",
        `introspection_url = ${introspection.href}`,
        "username_attribute = email",
      ],
      prepare: async (dir, doveadm) => {
        const record = {
          id: "mail",
          ententeId: "e1",
          kind: "mail",
          label: "Messagerie",
          clientId: null,
          settings: {
            dir,
            domains: ["sitiv.fr"],
            quotaBytes: 10 * 1024 * 1024,
            sharedMailboxes: [],
            doveadm,
          },
          secret: null,
          memberIds: null,
          enabled: true,
        };
        await rewriteMailDirectory(record);
        await mailKind.create(record).deliver({
          eventId: "created",
          kind: "created",
          sub: "alice-sub",
          ententeId: "e1",
          memberId: "sitiv",
          account: {
            userName: USER,
            active: true,
            email: USER,
            givenName: "Alice",
            familyName: "Martin",
            displayName: "Alice Martin",
            role: "agent",
            groups: [],
          },
        });
      },
    });
    stops.push(() => platform.stop());
    roundcube = await startRoundcube({
      port: ROUNDCUBE_PORT,
      issuer,
      clientId: webmail.client.clientId,
      clientSecret: webmail.clientSecret ?? "",
      imapPort: PORTS.imap,
      submissionPort: PORTS.submission,
    });
    stops.push(() => roundcube.stop());
    assert.equal(roundcube.redirectUri, redirect);
    browser = await launchChromium();
    stops.push(() => browser.close());
  });
  after(async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  });

  it("Alice signs in through the hub and sees the message delivered through Postfix", async () => {
    for (let i = 0; i < 50; i++) {
      try {
        execFileSync(platform.doveadm[0] ?? "doveadm", [...platform.doveadm.slice(1), "user", USER]);
        break;
      } catch {
        await sleep(100);
      }
    }
    const subject = "Conseil communautaire du 12";
    const mail = { from: "maire@ville.test", to: USER, subject, body: "Ordre du jour" };
    assert.equal(await sendMail(PORTS.smtp, mail), null);
    const page = await browser.newPage();
    try {
      await page.goto(roundcube.url);
      await page.waitForURL(/_task=mail/, { timeout: 30_000 }).catch(() => undefined);
      const found = await page
        .getByText(subject)
        .first()
        .waitFor({ timeout: 30_000 })
        .then(() => true)
        .catch(() => false);
      assert.ok(
        found,
        `no "${subject}" in Roundcube at ${page.url()}\nRoundcube:\n${roundcube.log().slice(-3000)}\nDovecot:\n${platform.dovecotLog().slice(-3000)}`,
      );
      assert.match(page.url(), /_task=mail/);
      assert.match(platform.dovecotLog(), /Login: user=<alice@sitiv\.fr>, method=XOAUTH2/);
    } finally {
      await page.close();
    }
  });
});
