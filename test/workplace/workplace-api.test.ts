import assert from "node:assert/strict";
import { before, it } from "node:test";
import { sql } from "kysely";
import { PNG_THEN_HTML, pngOf } from "../fixtures/images.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import {
  entryBody,
  METROPOLE_SIRET,
  PUBLIC_URL,
  startWorkplaceFixture,
  subscriptionBody,
  VILLE_SIRET,
  type WorkplaceFixture,
} from "./workplace-fixtures.ts";

const API = "/api/ententes/lyon/workplace";
const FEED = "/api/v1.0/lagaufre/services/";
const ENTITLEMENTS = "/api/v1.0/entitlements/";
const PNG = pngOf(4, 4);

describeOnDatabases("digital workplace API: catalogue, subscriptions, launcher feed, entitlements", (get) => {
  let f: WorkplaceFixture;
  const ids = { visio: "", drive: "", chat: "", autre: "", uncatalogued: "" };
  let driveKey = "";

  before(async () => {
    f = await startWorkplaceFixture(get(), () => new Date("2026-01-15T10:00:00Z"));
    ids.visio = await f.registerClient("lyon", "Visio");
    ids.drive = await f.registerClient("lyon", "Fichiers");
    ids.chat = await f.registerClient("lyon", "Messagerie instantanée");
    ids.uncatalogued = await f.registerClient("lyon", "Hors catalogue");
    ids.autre = await f.registerClient("autre", "Visio autre");
  });

  const inject = (
    method: "GET" | "POST" | "OPTIONS",
    url: string,
    headers: Record<string, string> = {},
    payload?: object,
  ) => f.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });

  it("catalogue: the secretariat adds services; anonymous 401, reader 403, another entente 404", async () => {
    const { secretariat, reader, other } = f.clients;
    assert.equal((await inject("GET", `${API}/services`)).statusCode, 401);
    assert.equal(
      (await reader.send("POST", `${API}/services`, entryBody(ids.visio, "video", 2))).status,
      403,
    );
    assert.equal((await other.send("GET", `${API}/services`)).status, 404);
    for (const [id, kind, order] of [
      [ids.visio, "video", 2],
      [ids.drive, "files", 1],
      [ids.chat, "chat", 3],
    ] as const) {
      const created = await secretariat.send("POST", `${API}/services`, entryBody(id, kind, order));
      assert.equal(created.status, 201, JSON.stringify(created.json()));
    }
    const again = await secretariat.send("POST", `${API}/services`, entryBody(ids.visio, "video", 2));
    assert.equal(again.status, 409);
    assert.equal(again.json().code, "workplace.already_in_catalogue");
    const foreign = await secretariat.send("POST", `${API}/services`, entryBody(ids.autre, "video", 2));
    assert.equal(foreign.status, 404, "a client of another entente cannot be catalogued here");
    const list = await reader.send("GET", `${API}/services`);
    assert.deepEqual(
      list.json().map((e: { name: string }) => e.name),
      ["Fichiers", "Visio", "Messagerie instantanée"],
    );
    assert.equal(list.json()[1].logo, `${PUBLIC_URL}/api/workplace/logos/${ids.visio}?v=1`);
  });

  it("catalogue: a wrong entry names every wrong field; nothing is written", async () => {
    const wrong = {
      ...entryBody(ids.uncatalogued, "jeu", 1),
      url: "http://jeu.lyon.test/",
      maturity: "gold",
    };
    const reply = await f.clients.secretariat.send("POST", `${API}/services`, wrong);
    assert.equal(reply.status, 422);
    assert.deepEqual(
      reply.json().errors.map((e: { field: string }) => e.field),
      ["kind", "maturity", "url"],
    );
    assert.equal(
      (await f.clients.secretariat.send("GET", `${API}/services/${ids.uncatalogued}`)).status,
      404,
    );
  });

  it("logos: a monogram until one is uploaded; SVG refused; readable from any origin", async () => {
    const monogram = await inject("GET", `/api/workplace/logos/${ids.visio}`);
    assert.equal(monogram.statusCode, 200);
    assert.match(String(monogram.headers["content-type"]), /^image\/svg\+xml/);
    assert.match(monogram.body, />V<\/text>/);
    assert.equal(monogram.headers["cross-origin-resource-policy"], "cross-origin");
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const refused = await f.clients.secretariat.send("PUT", `${API}/services/${ids.visio}/logo`, {
      contentType: "image/svg+xml",
      dataBase64: svg.toString("base64"),
    });
    assert.equal(refused.status, 422);
    assert.equal(refused.json().code, "workplace.logo_invalid");
    const uploaded = await f.clients.secretariat.send("PUT", `${API}/services/${ids.visio}/logo`, {
      contentType: "image/png",
      dataBase64: PNG.toString("base64"),
    });
    assert.equal(uploaded.status, 204);
    const png = await inject("GET", `/api/workplace/logos/${ids.visio}`);
    assert.equal(png.headers["content-type"], "image/png");
    assert.deepEqual(png.rawPayload, PNG);
  });

  it("logos: a PNG signature then HTML, or a truncated PNG, is refused at the logo field; the logo stays", async () => {
    const cases: [Buffer, string, RegExp, RegExp][] = [
      [PNG_THEN_HTML, "the tester's file", /pas d'en-tête IHDR/, /no IHDR header after the signature/],
      [PNG.subarray(0, PNG.length - 20), "a truncated PNG", /PNG tronqué/, /truncated PNG/],
    ];
    for (const [bytes, what, french, english] of cases) {
      for (const [lang, reason] of [
        ["fr", french],
        ["en", english],
      ] as const) {
        const reply = await f.clients.secretariat.send(
          "PUT",
          `${API}/services/${ids.visio}/logo`,
          { contentType: "image/png", dataBase64: bytes.toString("base64") },
          { lang },
        );
        assert.equal(reply.status, 422, what);
        const problem = reply.json();
        assert.equal(problem.code, "workplace.logo_invalid");
        assert.deepEqual(
          problem.errors.map((e: { field: string }) => e.field),
          ["dataBase64"],
        );
        assert.match(problem.errors[0].message, reason, `${what} in ${lang}`);
      }
    }
    const stored = await inject("GET", `/api/workplace/logos/${ids.visio}`);
    assert.deepEqual(stored.rawPayload, PNG, "the logo uploaded before is kept");
  });

  it("subscriptions: quotas with units become bytes; an end before the start is refused", async () => {
    const { secretariat, reader } = f.clients;
    const put = (service: string, member: string, body: object) =>
      secretariat.send("PUT", `${API}/services/${service}/subscriptions/${member}`, body);
    const created = await put(ids.visio, "ville-lyon", subscriptionBody());
    assert.equal(created.status, 200, JSON.stringify(created.json()));
    assert.equal(created.json().storagePerAccountBytes, 10 * 1024 ** 3);
    assert.equal(created.json().storagePerMemberBytes, 10 ** 12);
    assert.equal((await put(ids.drive, "ville-lyon", subscriptionBody())).status, 200);
    assert.equal((await put(ids.drive, "metropole", subscriptionBody({ roles: ["agent"] }))).status, 200);
    const backwards = await put(
      ids.chat,
      "metropole",
      subscriptionBody({ startsOn: "2024-01-01", endsOn: "2023-12-31" }),
    );
    assert.equal(backwards.status, 422);
    assert.equal(backwards.json().errors[0].field, "endsOn");
    const negative = await put(
      ids.chat,
      "metropole",
      subscriptionBody({ seats: { value: -3, unit: "accounts" } }),
    );
    assert.equal(negative.status, 422);
    assert.equal((await put(ids.chat, "inconnu", subscriptionBody())).status, 404);
    assert.equal(
      (await reader.send("PUT", `${API}/services/${ids.chat}/subscriptions/metropole`, subscriptionBody()))
        .status,
      403,
    );
    const again = await put(ids.visio, "ville-lyon", subscriptionBody());
    assert.equal(again.status, 409, "a second create is a conflict, not an overwrite");
    const list = await reader.send("GET", `${API}/services/${ids.drive}/subscriptions`);
    assert.deepEqual(
      list.json().map((s: { memberId: string }) => s.memberId),
      ["metropole", "ville-lyon"],
    );
  });

  it("migration waves: carried by the subscription, followed per member × service", async () => {
    const wave = {
      label: "Vague 1 — Métropole",
      plannedStart: "2023-01-01",
      plannedEnd: "2023-06-30",
      actualStart: "2023-02-01",
      actualEnd: null,
      accountsPlanned: 1200,
      accountsMigrated: 450,
    };
    const url = `${API}/services/${ids.chat}/subscriptions/metropole`;
    const wrong = await f.clients.secretariat.send(
      "PUT",
      url,
      subscriptionBody({ wave: { ...wave, plannedEnd: "2022-12-31" } }),
    );
    assert.equal(wrong.status, 422);
    assert.equal(wrong.json().errors[0].field, "wave.plannedEnd");
    const saved = await f.clients.secretariat.send("PUT", url, subscriptionBody({ wave }));
    assert.equal(saved.status, 200, JSON.stringify(saved.json()));
    const list = await f.clients.reader.send("GET", `${API}/migration`);
    assert.equal(list.status, 200);
    assert.deepEqual(list.json(), [
      {
        clientId: ids.chat,
        serviceName: "Messagerie instantanée",
        memberId: "metropole",
        memberName: "Métropole de Lyon",
        wave: { ...wave, accountsRemaining: 750 },
      },
    ]);
    const ended = await f.clients.secretariat.send(
      "PUT",
      url,
      subscriptionBody({ wave: null, rowVersion: 1 }),
    );
    assert.equal(ended.json().wave, null);
    assert.deepEqual((await f.clients.reader.send("GET", `${API}/migration`)).json(), []);
  });

  it("launcher feed: subscribed services first, CORS *, La Gaufre's error shape", async () => {
    const feed = await inject("GET", `${FEED}?siret=${VILLE_SIRET}&operator=lyon`);
    assert.equal(feed.statusCode, 200, feed.body);
    assert.equal(feed.headers["access-control-allow-origin"], "*");
    const body = feed.json();
    assert.deepEqual(body.organization, { name: "Ville de Lyon", type: "commune", siret: null });
    assert.deepEqual(
      body.services.map((s: { name: string; subscribed: boolean }) => [s.name, s.subscribed]),
      [
        ["Fichiers", true],
        ["Visio", true],
        ["Messagerie instantanée", false],
      ],
    );
    assert.equal(body.services[1].logo, `${PUBLIC_URL}/api/workplace/logos/${ids.visio}?v=2`);
    const errors: [string, number, RegExp][] = [
      [`${FEED}?siret=123`, 400, /14 digits/],
      [FEED, 400, /missing/],
      [`${FEED}?siret=99999999999999`, 404, /not found/],
      [`${FEED}?siren=216901231`, 400, /operator/],
      [`${FEED}?siret=${VILLE_SIRET}&siret=x`, 400, /siret is given 2 times/],
      [`${FEED}?siren=200046977&siren=1`, 400, /siren is given 2 times/],
      [`${FEED}?siret=${VILLE_SIRET}&operator=a&operator=b`, 400, /operator is given 2 times/],
      [`${FEED}?siret=${"1".repeat(101)}`, 400, /siret is longer than 100/],
    ];
    for (const [url, status, message] of errors) {
      const reply = await inject("GET", url);
      assert.equal(reply.statusCode, status, url);
      assert.equal(reply.headers["access-control-allow-origin"], "*");
      assert.deepEqual(reply.json().services, []);
      assert.match(reply.json().error, message);
    }
    const chosen = await inject("GET", `${FEED}?siren=216901231&operator=autre`);
    assert.equal(chosen.statusCode, 200);
    assert.deepEqual(chosen.json().services, [], "the other entente's catalogue is empty");
  });

  it("public routes: no query string, repeated or unexpected, ever answers 500 (bounded fuzz)", async () => {
    const names = ["siret", "siren", "operator", "lang", "v", "service_id", "x", "siret[]", "%00"];
    const values = [
      VILLE_SIRET,
      "216901231",
      "lyon",
      "",
      "abc",
      "%3Cscript%3E",
      "1".repeat(300),
      "%FF",
      "a&b",
    ];
    const paths = [
      FEED,
      `/api/workplace/logos/${ids.visio}`,
      "/api/workplace/widget/lagaufre.js",
      ENTITLEMENTS,
    ];
    let seed = 7;
    const pick = <T>(list: readonly T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return list[seed % list.length] as T;
    };
    for (let round = 0; round < 120; round++) {
      const pairs = Array.from({ length: 1 + (round % 4) }, () => `${pick(names)}=${pick(values)}`);
      const url = `${pick(paths)}?${pairs.join("&")}`;
      const reply = await inject("GET", url);
      assert.ok(reply.statusCode < 500, `${url} → ${reply.statusCode} ${reply.body}`);
      if (url.startsWith(FEED)) assert.equal(reply.headers["access-control-allow-origin"], "*", url);
    }
  });

  it("entitlements: 401 on a wrong key, 404 for another service, can_access from subscriptions", async () => {
    const rotated = await f.clients.secretariat.send("POST", `${API}/services/${ids.drive}/service-key`);
    assert.equal(rotated.status, 201);
    driveKey = rotated.json().serviceKey;
    const ask = (query: string, key = driveKey) =>
      inject("GET", `${ENTITLEMENTS}?${query}`, { "x-service-auth": `Bearer ${key}` });
    const user = (siret: string, email: string) =>
      `service_id=${ids.drive}&account_type=user&siret=${siret}&account_email=${email}`;
    assert.equal((await ask(user(VILLE_SIRET, "a@lyon.fr"), "esk_wrong")).statusCode, 401);
    assert.equal((await inject("GET", `${ENTITLEMENTS}?${user(VILLE_SIRET, "a@lyon.fr")}`)).statusCode, 401);
    const otherService = await ask(`service_id=${ids.autre}&account_type=organization&siret=${VILLE_SIRET}`);
    assert.equal(otherService.statusCode, 404);
    assert.ok(!otherService.body.includes("Visio autre"));
    const ville = await ask(`service_id=${ids.drive}&account_type=organization&siret=${VILLE_SIRET}`);
    assert.equal(ville.statusCode, 200, ville.body);
    assert.equal(ville.json().entitlements.can_access, true);
    assert.equal(ville.json().entitlements.max_storage_account, 10 * 1024 ** 3);
    assert.equal(ville.json().organization.name, "Ville de Lyon");
    // The Métropole subscribed for agents only: a person unknown to the directory has no role.
    const stranger = await ask(user(METROPOLE_SIRET, "x@grandlyon.test"));
    assert.equal(stranger.json().entitlements.can_access, false);
    assert.equal(stranger.json().entitlements.can_upload_reason, "not_activated");
    const unknownOrg = await ask(user("99999999999999", "x@y.fr"));
    assert.equal(unknownOrg.statusCode, 200);
    assert.equal(unknownOrg.json().organization, null);
    assert.equal(unknownOrg.json().entitlements.can_upload_reason, "no_organization");
  });

  it("entitlements POST: usage_metrics stored all or nothing, then reported back", async () => {
    const url = `${ENTITLEMENTS}?service_id=${ids.drive}&account_type=user&siret=${VILLE_SIRET}&account_id=sub-1`;
    const headers = { "x-service-auth": `Bearer ${driveKey}` };
    // Entitlements are decided per person: sub-1 is a person of the Ville de Lyon.
    await sql`INSERT INTO person (sub, given_name, family_name, usual_name, created_at, updated_at)
      VALUES ('sub-1', 'Jean', 'Dupont', 'Dupont', now(), now())`.execute(get().db);
    await sql`INSERT INTO person_affiliation (sub, entente_id, member_id, role, declared_by, email, uid, groups)
      VALUES ('sub-1', 'lyon', 'ville-lyon', 'agent', 'secretariat', 'jean.dupont@lyon.test', 'jdupont',
        '[]'::jsonb)`.execute(get().db);
    const line = (siret: string, used: number) => ({
      account: { type: "user", id: "sub-1" },
      siret,
      metrics: { storage_used: used },
    });
    const refused = await inject("POST", url, headers, {
      usage_metrics: [line(VILLE_SIRET, 5), line("99999999999999", 1)],
    });
    assert.equal(refused.statusCode, 422, refused.body);
    assert.deepEqual(
      refused.json().errors.map((e: { code: string }) => e.code),
      ["workplace.usage_invalid"],
    );
    const before = await inject("GET", url, headers);
    assert.equal(before.json().metrics.storage_used, null, "nothing of the refused report was stored");
    const stored = await inject("POST", url, headers, { usage_metrics: [line(VILLE_SIRET, 123_456)] });
    assert.equal(stored.statusCode, 200, stored.body);
    assert.equal(stored.json().metrics.storage_used, 123_456);
    assert.equal(stored.json().entitlements.can_upload, true);
    // The usage read before the report is kept by this node for a few seconds: the report empties it.
    assert.equal((await inject("GET", url, headers)).json().metrics.storage_used, 123_456);
    // An empty report (the bench's POST) stores nothing and answers the same entitlements.
    const rows = async () =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from workplace_usage`.execute(get().db)).rows[0]?.n,
      );
    const storedRows = await rows();
    const empty = await inject("POST", url, headers, { usage_metrics: [] });
    assert.equal(empty.statusCode, 200, empty.body);
    assert.equal(empty.json().metrics.storage_used, 123_456);
    assert.equal(await rows(), storedRows);
    // A service's call is authenticated by its key alone: a console cookie riding along is not
    // read (no CSRF token asked, no session cookie set).
    const withCookie = await f.app.inject({
      method: "POST",
      url,
      headers: { ...headers, cookie: "entente_session=forged.value", "content-type": "application/json" },
      payload: "{}",
    });
    assert.equal(withCookie.statusCode, 200, withCookie.body);
    assert.equal(withCookie.headers["set-cookie"], undefined);
    const later = await inject("POST", url, headers, { usage_metrics: [line(VILLE_SIRET, 7)] });
    assert.equal(later.json().metrics.storage_used, 7, "a cached answer is dropped once a report is stored");
  });

  it("sign-in policy port: subscriptions decide for catalogued services, naming whom to ask", async () => {
    const port = f.workplace.serviceAccess;
    const agent = (memberId: string) => ({ memberId, role: "agent" as const, groups: [] });
    assert.deepEqual(await port.decide({ clientId: ids.visio, ententeId: "lyon" }, agent("ville-lyon")), {
      allowed: true,
    });
    assert.deepEqual(await port.decide({ clientId: ids.visio, ententeId: "lyon" }, agent("metropole")), {
      allowed: false,
      reason: "member",
      contact: "https://support.lyon.test/video",
    });
    const elu = { memberId: "metropole", role: "elu" as const, groups: [] };
    assert.equal((await port.decide({ clientId: ids.drive, ententeId: "lyon" }, elu))?.allowed, false);
    assert.equal(
      await port.decide({ clientId: ids.uncatalogued, ententeId: "lyon" }, agent("metropole")),
      null,
    );
  });
});
