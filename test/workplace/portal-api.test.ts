import assert from "node:assert/strict";
import { before, it } from "node:test";
import { ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { agentOf, catalogueAndSubscribe, portalSessionFor } from "./portal-fixtures.ts";
import { PASSWORD, startWorkplaceFixture, type WorkplaceFixture } from "./workplace-fixtures.ts";

const API = "/api/ententes/lyon/workplace/announcements";
const TODAY = new Date("2026-01-15T10:00:00Z");

const announcement = (overrides: Record<string, unknown> = {}) => ({
  title: "Coupure de la visio samedi",
  body: "La visioconférence sera coupée samedi de 8 h à 12 h.",
  shownFrom: "2026-01-10",
  shownUntil: "2026-01-31",
  memberIds: null,
  roles: null,
  groups: null,
  requiresAck: true,
  ...overrides,
});

describeOnDatabases(
  "portal: announcements API and the portal's pages (isolation, CSRF, pins, new tab)",
  (get) => {
    let f: WorkplaceFixture;
    let finance: ConsoleClient;
    const ids = { visio: "", chat: "", files: "" };

    before(async () => {
      f = await startWorkplaceFixture(get(), () => TODAY);
      finance = new ConsoleClient(f.app);
      assert.equal((await finance.signIn("finance.metropole@lyon.entente.localhost", PASSWORD)).status, 200);
      ids.visio = await f.registerClient("lyon", "Visio");
      ids.chat = await f.registerClient("lyon", "Tchap de l'entente");
      ids.files = await f.registerClient("lyon", "Fichiers");
      await catalogueAndSubscribe(
        f.workplace,
        "lyon",
        ids.visio,
        { kind: "video", description: "Réunions à distance", displayOrder: 1 },
        ["metropole", "ville-lyon"],
      );
      await catalogueAndSubscribe(
        f.workplace,
        "lyon",
        ids.chat,
        { kind: "chat", description: "Messagerie", displayOrder: 2 },
        ["ville-lyon"],
      );
      await catalogueAndSubscribe(
        f.workplace,
        "lyon",
        ids.files,
        { kind: "files", description: "Documents partagés", displayOrder: 3 },
        ["metropole"],
        { roles: ["elu"], groups: null },
      );
    });

    it("the secretariat writes announcements; anonymous 401, reader 403, another entente 404, bad input 422 naming the field", async () => {
      const { secretariat, reader, other } = f.clients;
      assert.equal((await f.app.inject({ method: "GET", url: API })).statusCode, 401);
      assert.equal((await reader.send("POST", API, announcement())).status, 403);
      assert.equal((await other.send("GET", API)).status, 404);
      assert.equal((await other.send("POST", API, announcement())).status, 404);
      const bad = await secretariat.send(
        "POST",
        API,
        announcement({ shownUntil: "2026-01-01", memberIds: ["nulle-part"] }),
      );
      assert.equal(bad.status, 422);
      assert.deepEqual(
        bad
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
        ["memberIds", "shownUntil"],
      );
      const created = await secretariat.send("POST", API, announcement());
      assert.equal(created.status, 201, JSON.stringify(created.json()));
      assert.equal(created.json().authorMemberId, null);
      const ville = await secretariat.send(
        "POST",
        API,
        announcement({ title: "Pour la Ville seulement", memberIds: ["ville-lyon"], requiresAck: false }),
      );
      assert.equal(ville.status, 201);
      assert.equal((await secretariat.send("GET", API)).json().length, 2);
    });

    it("a member's finance officer writes for their own member only and sees only their member's announcements", async () => {
      const elsewhere = await finance.send("POST", API, announcement({ memberIds: ["ville-lyon"] }));
      assert.equal(elsewhere.status, 403, "ville-lyon exists: not yours, rather than unknown");
      assert.equal(elsewhere.json().code, "workplace.announcement_member_forbidden");
      assert.equal(elsewhere.json().errors[0].field, "memberIds");
      assert.match(elsewhere.json().detail, /seulement votre membre \(metropole\)/);
      assert.doesNotMatch(elsewhere.json().detail, /inconnus/);
      const own = await finance.send(
        "POST",
        API,
        announcement({ title: "Note de la Métropole", memberIds: null, requiresAck: false }),
      );
      assert.equal(own.status, 201);
      assert.equal(own.json().authorMemberId, "metropole");
      assert.deepEqual(own.json().memberIds, ["metropole"]);
      const listed = (await finance.send("GET", API)).json();
      assert.deepEqual(
        listed.map((a: { title: string }) => a.title),
        ["Note de la Métropole"],
      );
    });

    it("an agent of the Métropole sees only the Métropole's services they may use, and only announcements meant for them", async () => {
      const { cookie } = await portalSessionFor(f.workplace, agentOf("lyon", "metropole", "agent-1"));
      const page = await f.app.inject({ method: "GET", url: "/portal/lyon/", headers: { cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.headers["cache-control"] as string, /no-store/);
      const csp = page.headers["content-security-policy"] as string;
      assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+';/, "the one inline script, by its hash");
      assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
      assert.match(page.body, /Métropole de Lyon/);
      assert.match(page.body, />Visio</);
      assert.doesNotMatch(page.body, /Tchap/, "the chat is the Ville's only");
      assert.doesNotMatch(page.body, /Fichiers/, "the files service is for élus");
      assert.match(page.body, /Coupure de la visio samedi/);
      assert.match(page.body, /Note de la Métropole/);
      assert.match(page.body, /Secrétariat de l&#39;entente · du 10 janvier 2026 au 31 janvier 2026/);
      assert.doesNotMatch(page.body, /Pour la Ville seulement/);
      const search = await f.app.inject({
        method: "GET",
        url: "/portal/lyon/?q=REUNIONS",
        headers: { cookie },
      });
      assert.doesNotMatch(
        search.body,
        /class="tile" data-search="[^"]*"\s*hidden/,
        "Visio matches « REUNIONS »",
      );
    });

    it("writes need the session's CSRF token; an announcement of another member cannot be acknowledged", async () => {
      const { cookie, csrf } = await portalSessionFor(f.workplace, agentOf("lyon", "metropole", "agent-2"));
      const form = (url: string, body: string) =>
        f.app.inject({
          method: "POST",
          url,
          headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
          payload: body,
        });
      const noToken = await form("/portal/lyon/pins", `clientId=${ids.visio}&pin=1`);
      assert.equal(noToken.statusCode, 403);
      assert.match(noToken.body, /workplace\.portal_csrf/);
      const pinned = await form("/portal/lyon/pins", `clientId=${ids.visio}&pin=1&csrf=${csrf}`);
      assert.equal(pinned.statusCode, 303);
      const notMine = await form("/portal/lyon/pins", `clientId=${ids.chat}&pin=1&csrf=${csrf}`);
      assert.equal(notMine.statusCode, 404);
      assert.equal((await form("/portal/lyon/preferences", `newTab=1&csrf=${csrf}`)).statusCode, 303);
      assert.deepEqual(await f.workplace.portal.portal.preferencesOf("lyon", "agent-2"), {
        pinned: [ids.visio],
        openInNewTab: true,
      });
      const list = (await f.clients.secretariat.send("GET", API)).json() as { id: string; title: string }[];
      const villeOnly = list.find((a) => a.title === "Pour la Ville seulement")?.id ?? "";
      const general = list.find((a) => a.title === "Coupure de la visio samedi")?.id ?? "";
      assert.equal(
        (await form(`/portal/lyon/announcements/${villeOnly}/ack`, `csrf=${csrf}`)).statusCode,
        404,
      );
      assert.equal((await form(`/portal/lyon/announcements/${general}/ack`, `csrf=${csrf}`)).statusCode, 303);
      const acks = await f.clients.secretariat.send("GET", `${API}/${general}/acknowledgements`);
      assert.deepEqual(
        acks.json().map((a: { sub: string }) => a.sub),
        ["agent-2"],
      );
      assert.equal(
        (
          await f.clients.other.send(
            "GET",
            `/api/ententes/lyon/workplace/announcements/${general}/acknowledgements`,
          )
        ).status,
        404,
      );
      assert.equal(
        (await finance.send("GET", `${API}/${general}/acknowledgements`)).status,
        404,
        "the secretariat's announcement is not the member's",
      );
    });

    it("another entente: its session is not a session here, and an unknown entente's portal is a 404 page", async () => {
      const { cookie, csrf } = await portalSessionFor(f.workplace, agentOf("autre", "metropole", "agent-3"));
      const post = await f.app.inject({
        method: "POST",
        url: "/portal/lyon/pins",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: `clientId=${ids.visio}&pin=1&csrf=${csrf}`,
      });
      assert.equal(post.statusCode, 303, "sent to sign in, nothing written");
      assert.deepEqual(await f.workplace.portal.portal.preferencesOf("lyon", "agent-3"), {
        pinned: [],
        openInNewTab: false,
      });
      const forged = await f.app.inject({
        method: "GET",
        url: "/portal/lyon/callback?code=abc&state=forged",
      });
      assert.equal(forged.statusCode, 400, "a return from the hub without this browser's sign-in state");
      assert.match(forged.body, /workplace\.portal_sign_in_failed/);
      const logout = await f.app.inject({
        method: "POST",
        url: "/portal/lyon/backchannel-logout",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "logout_token=eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZ2VudC0zIn0.",
      });
      assert.equal(logout.statusCode, 400, "an unsigned logout token ends nothing");
      assert.equal(logout.json().error, "invalid_request");
      const missing = await f.app.inject({ method: "GET", url: "/portal/nulle-part/" });
      assert.equal(missing.statusCode, 404);
      assert.match(missing.body, /workplace\.portal_not_found/);
      assert.match(missing.headers["content-type"] as string, /text\/html/);
    });

    it("designating the portal and writing or deleting an announcement are audited, the actor named by email", async () => {
      const { secretariat } = f.clients;
      const designated = await secretariat.send("PUT", "/api/ententes/lyon/workplace/portal", {
        clientId: ids.visio,
      });
      assert.equal(designated.status, 204);
      const created = await secretariat.send("POST", API, announcement({ title: "Audité" }));
      assert.equal(created.status, 201);
      const id = created.json().id as string;
      assert.equal((await secretariat.send("DELETE", `${API}/${id}`)).status, 204);
      const events = (await secretariat.send("GET", "/api/ententes/lyon/audit?limit=50")).json().events as {
        actor: string;
        action: string;
        entity: string;
        entityId: string;
      }[];
      const seen = events
        .filter((e) => e.entity === "workplace_portal" || e.entityId === id)
        .map((e) => [e.entity, e.action, e.actor])
        .sort();
      const who = "secretariat@lyon.entente.localhost";
      assert.deepEqual(seen, [
        ["workplace_announcement", "create", who],
        ["workplace_announcement", "delete", who],
        ["workplace_portal", "designate-portal", who],
      ]);
      assert.equal(
        events.some((e) => /^\d+$/.test(e.actor)),
        false,
        "no account number as actor",
      );
    });
  },
);
