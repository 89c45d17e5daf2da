import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import * as XLSX from "@e965/xlsx";
import { type ComposedConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { asIfEmpty, buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";
const email = (local: string) => `${local}@lyon.entente.localhost`;

describeOnDatabases("console API over HTTP", (get) => {
  let app: ZodFastifyInstance;
  let composed: ComposedConsole;
  // Sign-in is rate-limited (10 a minute per address): tests share signed-in clients.
  let shared: ConsoleClient;
  let financeMetropole: ConsoleClient | undefined;
  const secretariat = () => shared;
  before(async () => {
    ({ app, composed } = await buildConsoleApp(get()));
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    // Another entente with its own secretariat: it must see nothing of Lyon.
    await seedExample(asIfEmpty(composed), "autre", await readEntenteFile(LYON), PASSWORD);
    shared = new ConsoleClient(app);
    await shared.signIn(email("secretariat"), PASSWORD);
  });
  after(async () => app.close());

  it("an anonymous request gets 401 problem+json auth.required", async () => {
    const reply = await new ConsoleClient(app).send("GET", "/api/ententes/lyon/dashboard");
    assert.equal(reply.status, 401);
    assert.match(String(reply.headers["content-type"]), /^application\/problem\+json/);
    assert.equal(reply.json().code, "auth.required");
  });

  it("a wrong password: 401 auth.invalid_credentials, the same for an unknown email", async () => {
    const client = new ConsoleClient(app);
    assert.equal((await client.signIn(email("secretariat"), "faux")).json().code, "auth.invalid_credentials");
    assert.equal((await client.signIn(email("personne"), "faux")).json().code, "auth.invalid_credentials");
  });

  it("in production: a sign-in not over HTTPS is refused; over HTTPS as a trusted proxy says, a Secure cookie", async (t) => {
    const production = await buildConsoleApp(get(), undefined, {
      NODE_ENV: "production",
      TRUSTED_PROXIES: "10.0.0.0/8",
    });
    t.after(() => production.app.close());
    const signIn = (remoteAddress: string) =>
      production.app.inject({
        method: "POST",
        url: "/api/session",
        remoteAddress,
        headers: { "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.7" },
        payload: { email: email("secretariat"), password: PASSWORD },
      });
    const untrusted = await signIn("192.0.2.50");
    assert.equal(untrusted.statusCode, 403);
    assert.equal(untrusted.json().code, "auth.https_required");
    assert.equal(untrusted.headers["set-cookie"], undefined);
    const trusted = await signIn("10.0.0.5");
    assert.equal(trusted.statusCode, 200, trusted.body);
    assert.match(String(trusted.headers["set-cookie"]), /entente_session=.*;\s*Secure/i);
  });

  it("signing in, then the dashboard shows 305 797 € for the Métropole", async () => {
    const client = new ConsoleClient(app);
    const signed = await client.signIn(email("secretariat"), PASSWORD);
    assert.equal(signed.status, 200);
    assert.equal(signed.json().account.role, "secretariat");
    const dashboard = (await client.send("GET", "/api/ententes/lyon/dashboard?year=2023")).json();
    assert.equal(dashboard.members[0].total, "305797.00");
    assert.equal(dashboard.fundCallTotal, "639176.00");
    assert.equal(dashboard.budget.status, "draft");
  });

  it("a write without the CSRF token is refused (403 auth.csrf), nothing stored", async () => {
    const client = secretariat();
    const before = (await client.send("GET", "/api/ententes/lyon"))
      .json()
      .members.find((m: { id: string }) => m.id === "sitiv");
    const reply = await client.send(
      "PUT",
      "/api/ententes/lyon/members/sitiv",
      { ...before, name: "Pirate", id: undefined },
      { csrf: false },
    );
    assert.equal(reply.status, 403);
    assert.equal(reply.json().code, "auth.csrf");
    const after = (await client.send("GET", "/api/ententes/lyon"))
      .json()
      .members.find((m: { id: string }) => m.id === "sitiv");
    assert.equal(after.name, "SITIV");
  });

  it("a wrong body: 400 with the field and the reason, in French or English", async () => {
    const client = secretariat();
    const fr = await client.send("PUT", "/api/ententes/lyon/members/sitiv", {
      name: "SITIV",
      kind: "syndicat",
      siren: "12",
      siret: null,
      assembly: null,
      rowVersion: 1,
    });
    assert.equal(fr.status, 400);
    assert.deepEqual(
      fr.json().errors.map((e: { field: string }) => e.field),
      ["body.siren"],
    );
    assert.match(fr.json().errors[0].message, /SIREN à 9 chiffres/);
    const en = await client.send(
      "PUT",
      "/api/ententes/lyon/exercises/2023/budget",
      {
        rowVersion: 1,
        lines: [
          {
            missionId: null,
            label: "x",
            section: "fonctionnement",
            direction: "expense",
            receiptKind: null,
            amount: "12,50",
            nature: null,
          },
        ],
      },
      { lang: "en" },
    );
    assert.equal(en.status, 400);
    assert.equal(en.json().errors[0].field, "body.lines[0].amount");
  });

  it("a key whose rates do not sum to 100: 422 key.shares_not_100 with the sum", async () => {
    const client = secretariat();
    const key = (await client.send("GET", "/api/ententes/lyon")).json().keys[0];
    const reply = await client.send("PUT", "/api/ententes/lyon/keys/socle", {
      label: key.label,
      source: null,
      rowVersion: key.rowVersion,
      shares: [
        { memberId: "metropole", value: "53" },
        { memberId: "ville-lyon", value: "30.6" },
        { memberId: "sitiv", value: "16" },
      ],
    });
    assert.equal(reply.status, 422);
    assert.equal(reply.json().errors[0].code, "key.shares_not_100");
    assert.match(reply.json().errors[0].message, /99,6 %/);
  });

  it("concurrent budget edits: the second save gets 409 conflict.stale_version", async () => {
    const alice = secretariat();
    const bob = new ConsoleClient(app);
    await bob.signIn(email("secretariat"), PASSWORD);
    const budget = (await alice.send("GET", "/api/ententes/lyon/exercises/2023/budget")).json();
    const edit = (amount: string) => ({
      rowVersion: budget.rowVersion,
      lines: budget.lines.map((l: { label: string }) =>
        l.label === "Chef de projet" ? { ...l, amount } : l,
      ),
    });
    const first = await alice.send("PUT", "/api/ententes/lyon/exercises/2023/budget", edit("141000.00"));
    assert.equal(first.status, 200);
    assert.deepEqual(first.json().totals.balance, { investissement: "0.00", fonctionnement: "-1000.00" });
    const second = await bob.send("PUT", "/api/ententes/lyon/exercises/2023/budget", edit("150000.00"));
    assert.equal(second.status, 409);
    assert.equal(second.json().code, "conflict.stale_version");
    const dashboard = (await alice.send("GET", "/api/ententes/lyon/dashboard?year=2023")).json();
    assert.equal(dashboard.problems[0].code, "budget.unbalanced");
    // An unbalanced budget cannot be approved by the conference (nor, then, adopted).
    const approval = await alice.send("POST", "/api/ententes/lyon/decisions", {
      subject: "Budget 2023",
      conferenceDate: "2022-11-07",
      conferenceLabel: "Conférence",
      budgetYear: 2023,
    });
    assert.equal(approval.status, 422);
    assert.equal(approval.json().errors[0].code, "budget.unbalanced");
    assert.equal((await alice.send("GET", "/api/ententes/lyon/decisions")).json().length, 0);
    // Restore the seed's budget.
    const restore = await alice.send("PUT", "/api/ententes/lyon/exercises/2023/budget", {
      rowVersion: first.json().rowVersion,
      lines: budget.lines,
    });
    assert.equal(restore.status, 200);
  });

  it("advances and adjustments: the engine's rules per field, then the recall follows the change", async () => {
    const client = secretariat();
    const settlement = (await client.send("GET", "/api/ententes/lyon/exercises/2022/settlement")).json();
    assert.deepEqual(settlement.advances, [
      {
        id: "experimentation",
        label: "Expérimentation sur les outils cibles",
        memberId: "metropole",
        amount: "70140.00",
        keyId: "socle",
      },
    ]);
    const bad = await client.send("PUT", "/api/ententes/lyon/exercises/2022/settlement", {
      rowVersion: settlement.rowVersion,
      advances: [{ ...settlement.advances[0], memberId: "inconnu" }],
      adjustments: [
        {
          id: "regul",
          label: "Régularisation",
          amounts: [
            { memberId: "metropole", amount: "-100" },
            { memberId: "sitiv", amount: "99" },
          ],
        },
      ],
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(
      bad.json().errors.map((e: { code: string; field: string }) => [e.code, e.field]),
      [
        ["entente.unknown_reference", "advances[0].memberId"],
        ["adjustment.not_zero_sum", "adjustments[0].amounts"],
      ],
    );
    const good = await client.send("PUT", "/api/ententes/lyon/exercises/2022/settlement", {
      rowVersion: settlement.rowVersion,
      advances: settlement.advances,
      adjustments: [
        {
          id: "regul",
          label: "Régularisation",
          amounts: [
            { memberId: "metropole", amount: "-100" },
            { memberId: "sitiv", amount: "100" },
          ],
        },
      ],
    });
    assert.equal(good.status, 200);
    const dashboard = (await client.send("GET", "/api/ententes/lyon/dashboard?year=2023")).json();
    assert.deepEqual(
      dashboard.members.map((m: { adjustments: string }) => m.adjustments),
      ["-33066.00", "21463.00", "11603.00"],
    );
    // Put the seed's figures back; a stale version is refused.
    const stale = await client.send("PUT", "/api/ententes/lyon/exercises/2022/settlement", {
      rowVersion: settlement.rowVersion,
      advances: settlement.advances,
      adjustments: [],
    });
    assert.equal(stale.status, 409);
    assert.equal(
      (
        await client.send("PUT", "/api/ententes/lyon/exercises/2022/settlement", {
          rowVersion: good.json().rowVersion,
          advances: settlement.advances,
          adjustments: [],
        })
      ).status,
      200,
    );
  });

  it("missions: name, lead, members and keys are edited under the engine's rules", async () => {
    const client = secretariat();
    const mission = (await client.send("GET", "/api/ententes/lyon/missions/messagerie/plan")).json();
    const body = {
      name: mission.name,
      description: "Messagerie collaborative",
      leadMemberId: "sitiv",
      memberIds: ["metropole", "ville-lyon"],
      keys: mission.keys,
      rowVersion: mission.rowVersion,
    };
    const refused = await client.send("PUT", "/api/ententes/lyon/missions/messagerie", body);
    assert.equal(refused.status, 422);
    assert.deepEqual(
      refused.json().errors.map((e: { code: string }) => e.code),
      ["mission.key_member_not_participant"],
    );
    const saved = await client.send("PUT", "/api/ententes/lyon/missions/messagerie", {
      ...body,
      memberIds: ["metropole", "ville-lyon", "sitiv"],
    });
    assert.equal(saved.status, 200);
    assert.equal(saved.json().description, "Messagerie collaborative");
    const reader = new ConsoleClient(app);
    await reader.signIn(email("finance.sitiv"), PASSWORD);
    assert.equal(
      (
        await reader.send("PUT", "/api/ententes/lyon/missions/messagerie", {
          ...body,
          rowVersion: saved.json().rowVersion,
        })
      ).status,
      403,
    );
  });

  it("roles: a finance officer may not edit the budget (403), sees only its row of a draft", async () => {
    const finance = new ConsoleClient(app);
    await finance.signIn(email("finance.ville-lyon"), PASSWORD);
    const reply = await finance.send("PUT", "/api/ententes/lyon/exercises/2023/budget", {
      rowVersion: 1,
      lines: [],
    });
    assert.equal(reply.status, 403);
    assert.equal(reply.json().code, "access.forbidden");
    const dashboard = (await finance.send("GET", "/api/ententes/lyon/dashboard?year=2023")).json();
    assert.deepEqual(
      dashboard.members.map((m: { memberId: string }) => m.memberId),
      ["ville-lyon"],
    );
    assert.deepEqual(dashboard.byMission, []);
    assert.equal(dashboard.problems[0].code, "budget.draft_hidden");
  });

  it("downloads: XLSX reads back with the figures; PDF and ODS are real files", async () => {
    const client = secretariat();
    const xlsx = await client.send("GET", "/api/ententes/lyon/budget/2023/export.xlsx");
    assert.equal(xlsx.status, 200);
    assert.match(
      String(xlsx.headers["content-disposition"]),
      /attachment; filename="budget-lyon-2023\.xlsx"/,
    );
    const book = XLSX.read(xlsx.raw);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets["fund-calls"] as XLSX.WorkSheet, {
      header: 1,
    });
    assert.deepEqual(rows[2], ["Métropole de Lyon", 0, 288413, 50350, -32966, 305797]);
    const pdf = await client.send("GET", "/api/ententes/lyon/budget/2023/export.pdf");
    assert.equal(pdf.raw.subarray(0, 5).toString(), "%PDF-");
    const ods = await client.send("GET", "/api/ententes/lyon/budget/2023/export.ods");
    assert.equal(ods.raw.subarray(0, 2).toString(), "PK");
    const csv = await client.send("GET", "/api/ententes/lyon/budget/2023/export.csv");
    assert.deepEqual([...csv.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  it("ratifications adopt the budget; then fund calls are issued and paid", async () => {
    const client = secretariat();
    const early = await client.send("POST", "/api/ententes/lyon/fund-calls/2023", { dueOn: null });
    assert.equal(early.status, 409);
    assert.equal(early.json().code, "fund_call.budget_not_adopted");
    const decision = (
      await client.send("POST", "/api/ententes/lyon/decisions", {
        subject: "Budget 2023",
        conferenceDate: "2022-11-07",
        conferenceLabel: "Conférence",
        budgetYear: 2023,
      })
    ).json();
    const first = decision.ratifications[0];
    const anonymous = await client.send(
      "PUT",
      `/api/ententes/lyon/decisions/${decision.id}/ratifications/${first.memberId}`,
      { status: "ratified", deliberationNumber: null, deliberatedOn: null, rowVersion: first.rowVersion },
    );
    assert.equal(anonymous.status, 422);
    assert.equal(anonymous.json().code, "ratification.incomplete");
    const beforeConference = await client.send(
      "PUT",
      `/api/ententes/lyon/decisions/${decision.id}/ratifications/${first.memberId}`,
      {
        status: "ratified",
        deliberationNumber: "2022-1",
        deliberatedOn: "2022-11-01",
        rowVersion: first.rowVersion,
      },
    );
    assert.equal(beforeConference.status, 422);
    let current = decision;
    for (const r of decision.ratifications) {
      const reply = await client.send(
        "PUT",
        `/api/ententes/lyon/decisions/${decision.id}/ratifications/${r.memberId}`,
        {
          status: "ratified",
          deliberationNumber: "2022-1356",
          deliberatedOn: "2022-12-12",
          rowVersion: r.rowVersion,
        },
      );
      assert.equal(reply.status, 200);
      current = reply.json();
    }
    assert.ok(current.ratifications.every((r: { status: string }) => r.status === "ratified"));
    const dashboard = (await client.send("GET", "/api/ententes/lyon/dashboard?year=2023")).json();
    assert.equal(dashboard.budget.status, "adopted");
    assert.deepEqual(dashboard.ratified, { done: 3, of: 3 });
    // Adopted amounts no longer move: not through the key, nor the recalled 2022 budget, nor the deliberations.
    const key = (await client.send("GET", "/api/ententes/lyon")).json().keys[0];
    const keyChange = await client.send("PUT", "/api/ententes/lyon/keys/socle", {
      label: key.label,
      source: null,
      rowVersion: key.rowVersion,
      shares: [
        { memberId: "metropole", value: "50" },
        { memberId: "ville-lyon", value: "33.6" },
        { memberId: "sitiv", value: "16.4" },
      ],
    });
    assert.equal(keyChange.status, 409);
    assert.equal(keyChange.json().code, "budget.figures_frozen");
    const budget2022 = (await client.send("GET", "/api/ententes/lyon/exercises/2022/budget")).json();
    const recalled = await client.send("PUT", "/api/ententes/lyon/exercises/2022/budget", {
      rowVersion: budget2022.rowVersion,
      lines: budget2022.lines,
    });
    assert.equal(recalled.status, 409);
    assert.match(recalled.json().detail, /budget 2023, qui est adopté/);
    const last = current.ratifications[0];
    const reopen = await client.send(
      "PUT",
      `/api/ententes/lyon/decisions/${decision.id}/ratifications/${last.memberId}`,
      {
        status: "rejected",
        deliberationNumber: "X",
        deliberatedOn: "2022-12-12",
        rowVersion: last.rowVersion,
      },
    );
    assert.equal(reopen.status, 409);
    assert.equal(reopen.json().code, "ratification.closed");

    const issued = await client.send("POST", "/api/ententes/lyon/fund-calls/2023", { dueOn: "2023-03-31" });
    assert.equal(issued.status, 201);
    const over = await client.send("POST", "/api/ententes/lyon/fund-calls/2023/metropole/payments", {
      amount: "305797.01",
      paidOn: "2026-01-15",
      reference: null,
    });
    assert.equal(over.status, 422);
    assert.equal(over.json().code, "payment.exceeds_due");
    const paid = await client.send("POST", "/api/ententes/lyon/fund-calls/2023/metropole/payments", {
      amount: "305797.00",
      paidOn: "2026-01-15",
      reference: "mandat 42",
    });
    assert.equal(paid.status, 201);
    assert.equal(paid.json().status, "paid");
    assert.equal(paid.json().due, "0.00");
    // A payment recorded by mistake is cancelled (secretariat only, with a reason); the due amount comes back.
    const paymentId = paid.json().payments[0].id;
    financeMetropole = new ConsoleClient(app);
    await financeMetropole.signIn(email("finance.metropole"), PASSWORD);
    const financeClient = financeMetropole;
    assert.equal(
      (await financeClient.send("DELETE", `/api/ententes/lyon/payments/${paymentId}`, { reason: "erreur" }))
        .status,
      403,
    );
    const cancelled = await client.send("DELETE", `/api/ententes/lyon/payments/${paymentId}`, {
      reason: "montant saisi deux fois",
    });
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.json().due, "305797.00");
    assert.equal(
      (await client.send("DELETE", `/api/ententes/lyon/payments/${paymentId}`, { reason: "encore" })).status,
      404,
    );
    // A décision modificative starts from the adopted budget, as a new draft version.
    const amending = await client.send("POST", "/api/ententes/lyon/exercises/2023/budget/versions");
    assert.equal(amending.status, 201);
    assert.deepEqual([amending.json().number, amending.json().status], [2, "draft"]);
    const twice = await client.send("POST", "/api/ententes/lyon/exercises/2023/budget/versions");
    assert.equal(twice.status, 409);
    assert.equal(twice.json().code, "budget.amend_not_adopted");
  });

  it("the audit trail is the secretariat's (drafts and every member's payments are in it)", async () => {
    // Signed in by an earlier test (sign-in is rate-limited per address).
    const finance = financeMetropole;
    assert.ok(finance);
    assert.equal((await finance.send("GET", "/api/ententes/lyon/audit")).status, 403);
  });

  it("the audit trail shows who changed what", async () => {
    const client = secretariat();
    const page = (await client.send("GET", "/api/ententes/lyon/audit?limit=2")).json();
    assert.deepEqual(
      page.events.map((e: { entity: string }) => e.entity),
      ["budget", "payment"],
    );
    assert.equal(page.events[0].actor, email("secretariat"));
    assert.equal(page.nextBefore, page.events[1].id);
  });

  it("another entente's secretariat sees nothing of this one (404)", async () => {
    const other = new ConsoleClient(app);
    assert.equal((await other.signIn("secretariat@autre.entente.localhost", PASSWORD)).status, 200);
    const reply = await other.send("GET", "/api/ententes/lyon/dashboard");
    assert.equal(reply.status, 404);
    assert.equal(reply.json().code, "entente.not_found");
    assert.deepEqual(
      (await other.send("GET", "/api/ententes")).json().map((e: { id: string }) => e.id),
      ["autre"],
    );
  });

  it("signing out ends the session", async () => {
    const client = new ConsoleClient(app);
    await client.signIn(email("lecture"), PASSWORD);
    const out = await client.send("DELETE", "/api/session");
    assert.equal(out.status, 204);
    assert.equal((await client.send("GET", "/api/session")).status, 401);
  });

  it("signing in is rate-limited per address (429 after 10 a minute)", async () => {
    const client = new ConsoleClient(app);
    let last: Awaited<ReturnType<ConsoleClient["signIn"]>> | undefined;
    for (let i = 0; i < 11; i++) last = await client.signIn(email("personne"), "x");
    assert.equal(last?.status, 429);
    assert.equal(last?.json().code, "auth.rate_limited");
    assert.match(last?.json().detail, /réessayez dans \d+ s/);
  });

  it("service plans keep every version, newest first", async () => {
    const client = secretariat();
    const mission = (await client.send("GET", "/api/ententes/lyon/missions/identite/plan")).json();
    const saved = await client.send("POST", "/api/ententes/lyon/missions/identite/plan", {
      basedOnVersion: mission.plan.version,
      scope: "Fédération",
      milestones: [],
      resources: { financial: "", human: "", material: "" },
      steeringCommittee: [],
    });
    assert.equal(saved.status, 200);
    const versions = (await client.send("GET", "/api/ententes/lyon/missions/identite/plan/versions")).json();
    assert.deepEqual(
      versions.map((v: { version: number; scope: string }) => [v.version, v.scope]),
      [
        [2, "Fédération"],
        [1, ""],
      ],
    );
  });

  it("the OpenAPI document lists the console's routes", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of [
      "/api/session",
      "/api/ententes/{id}/dashboard",
      "/api/ententes/{id}/exercises/{year}/budget",
      "/api/ententes/{id}/fund-calls/{year}",
    ]) {
      assert.ok(doc.paths[path], path);
    }
  });
});
