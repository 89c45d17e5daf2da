/**
 * The deliveries and resync pages in Chromium against the real server (src/main.ts runs the
 * delivery worker): a member's SCIM directory creates a person; the SCIM peer (a real HTTP
 * server of this test) refuses it, and the page shows the failed delivery with the peer's
 * answer, escaped, and since when the peer fails; the peer repaired, « Rejouer les échecs »
 * turns it done; the resync page starts a resync and shows its progress and counts. axe finds
 * no WCAG 2.1 A/AA violation on either page.
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { LDAP_SOURCE } from "../identity/directory-fixtures.ts";
import { accessibilityViolations, ENTENTE, signedInConsole } from "./console-harness.ts";

const ANSWER = '<img src=x onerror="alert(1)"> userName refused by the tool';

describe("provisioning deliveries and resync pages (Chromium, real server)", { timeout: 300_000 }, () => {
  const app = signedInConsole("secretariat");
  let page: Page;
  let peer: Server;
  let refuse = true;

  /** A call of the API from the signed-in page (its session and CSRF token): [status, body]. */
  const api = (method: string, path: string, body?: unknown) =>
    page.evaluate(
      async ([m, p, b]) => {
        const { csrfToken } = await (await fetch("/api/session")).json();
        const answer = await fetch(`/api/ententes/${p}`, {
          method: m as string,
          headers: { "content-type": "application/json", "x-csrf-token": csrfToken },
          ...(b === undefined ? {} : { body: JSON.stringify(b) }),
        });
        const text = await answer.text();
        return [answer.status, text === "" ? null : JSON.parse(text)] as const;
      },
      [method, `${ENTENTE}/${path}`, body] as const,
    );

  before(async () => {
    page = app.page();
    // The SCIM peer: lists nobody; refuses a create (400 with markup in its answer), then accepts it.
    peer = createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        const json = (status: number, body: unknown) =>
          response.writeHead(status, { "content-type": "application/scim+json" }).end(JSON.stringify(body));
        if (request.method === "GET")
          return json(200, { totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
        if (refuse) return json(400, { status: "400", detail: ANSWER });
        return json(201, { id: "peer-1", userName: "ines@ville-lyon.test", active: true });
      });
    });
    await new Promise<void>((resolve) => peer.listen(0, "127.0.0.1", resolve));
    const baseUrl = `http://127.0.0.1:${(peer.address() as AddressInfo).port}/scim/v2`;
    const [sourceStatus, source] = await api("POST", "identity/sources", LDAP_SOURCE);
    assert.equal(sourceStatus, 201, JSON.stringify(source));
    const [domainStatus, domain] = await api("POST", "identity/domains", {
      domain: "ville-lyon.test",
      memberId: "ville-lyon",
      sourceId: source.id,
    });
    assert.equal(domainStatus, 201, JSON.stringify(domain));
    const [connectorStatus] = await api("POST", "provisioning/connectors", {
      kind: "scim",
      label: "Outil SCIM",
      settings: { baseUrl },
      enabled: true,
    });
    assert.equal(connectorStatus, 201);
    const [, issued] = await api("POST", "provisioning/scim-tokens", {
      memberId: "ville-lyon",
      sourceId: source.id,
    });
    const created = await fetch(`${app.server().url}/scim/v2/${ENTENTE}/ville-lyon/Users`, {
      method: "POST",
      headers: { authorization: `Bearer ${issued.token}`, "content-type": "application/scim+json" },
      body: JSON.stringify({
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
        externalId: "oid-ines",
        userName: "ines@ville-lyon.test",
        active: true,
        name: { givenName: "Inès", familyName: "Martin" },
        emails: [{ primary: true, type: "work", value: "ines@ville-lyon.test" }],
      }),
    });
    assert.equal(created.status, 201, await created.text());
  });
  after(async () => {
    await new Promise((resolve) => peer?.close(resolve));
  });

  it("shows the failed delivery with the peer's answer, escaped, and since when the peer fails", async () => {
    await page.getByRole("link", { name: "Livraisons" }).click();
    await page.getByRole("heading", { level: 1, name: "Livraisons" }).waitFor();
    // The worker delivers every 2 s; the page reads the deliveries again while one is pending.
    const answer = page.getByText("userName refused by the tool");
    await answer.waitFor({ timeout: 60_000 });
    assert.match(
      String(await answer.textContent()),
      /<img src=x onerror=\\"alert\(1\)\\">/,
      "shown as text, never as markup",
    );
    assert.equal(await page.locator("main img").count(), 0);
    await page.getByText("Outil SCIM injoignable depuis").waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
  });

  it("replays the connector's failures once the peer is repaired: the delivery turns done", async () => {
    refuse = false;
    await page.getByRole("button", { name: "Rejouer les échecs de Outil SCIM" }).click();
    await page.getByLabel("État").selectOption("done");
    await page.getByRole("button", { name: "Filtrer" }).click();
    const doneRow = page.getByRole("row", { name: /ines@ville-lyon\.test.*Faite/ });
    await doneRow.waitFor({ timeout: 30_000 });
    await page.getByRole("cell", { name: "répond" }).waitFor();
    assert.deepEqual(app.errors, []);
  });

  it("starts a resync and shows its progress and counts", async () => {
    await page.getByRole("link", { name: "Resynchronisation" }).click();
    await page.getByRole("heading", { level: 1, name: "Resynchronisation" }).waitFor();
    await page.getByRole("button", { name: "Resynchroniser Outil SCIM" }).click();
    await page.getByText("1 sur 1 comptes comparés").waitFor({ timeout: 30_000 });
    await page.getByText("Terminée").waitFor({ timeout: 30_000 });
    await page.getByText("1 à créer, 0 à mettre à jour, 0 à désactiver, 0 erreurs").waitFor();
    const progress = page.getByRole("progressbar", { name: "Progression de Outil SCIM" });
    assert.equal(await progress.getAttribute("value"), "1");
    assert.deepEqual(await accessibilityViolations(page), []);
    assert.deepEqual(app.errors, []);
  });
});
