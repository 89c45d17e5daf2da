import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { type ComposedConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { asIfEmpty, buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";

/** Issue 9, item 1: exercise N+1 opens from N in the API; N never moves. */
describeOnDatabases("opening an exercise over HTTP", (get) => {
  let app: ZodFastifyInstance;
  let composed: ComposedConsole;
  let secretariat: ConsoleClient;
  let early: ConsoleClient;
  before(async () => {
    ({ app, composed } = await buildConsoleApp(get()));
    const lyon = await readEntenteFile(LYON);
    await seedExample(composed, "lyon", lyon, PASSWORD);
    // The same entente before 2023 was prepared: only 2022, called in 2023.
    const only2022 = { ...lyon, exercises: lyon.exercises.filter((e) => e.year === 2022) };
    await seedExample(asIfEmpty(composed), "debut", only2022, PASSWORD);
    secretariat = new ConsoleClient(app);
    await secretariat.signIn("secretariat@lyon.entente.localhost", PASSWORD);
    early = new ConsoleClient(app);
    await early.signIn("secretariat@debut.entente.localhost", PASSWORD);
  });
  after(async () => app.close());

  const metropole2023 = async () =>
    (await secretariat.send("GET", "/api/ententes/lyon/dashboard?year=2023")).json().members[0];

  it("2024 opens from 2023 as a draft: 2023's lines, 2023's result carried over, 2023 unchanged", async () => {
    const before2023 = (await secretariat.send("GET", "/api/ententes/lyon/exercises/2023/budget")).json();
    const opened = await secretariat.send("POST", "/api/ententes/lyon/exercises", {
      from: 2023,
      carryOver: { fonctionnement: "-3000", investissement: "350000" },
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.json()));
    const budget = opened.json();
    assert.deepEqual([budget.year, budget.number, budget.status], [2024, 1, "draft"]);
    const labels = budget.lines.map((l: { label: string }) => l.label);
    assert.ok(!labels.includes("Report 2022"), "2023's own carry-over does not carry over");
    assert.ok(labels.includes("Chef de projet"));
    const carried = budget.lines.filter(
      (l: { nature: string | null }) => l.nature === "002" || l.nature === "001",
    );
    assert.deepEqual(
      carried.map((l: { direction: string; amount: string }) => [l.direction, l.amount]),
      [
        ["receipt", "350000.00"],
        ["expense", "3000.00"],
      ],
    );
    const after2023 = (await secretariat.send("GET", "/api/ententes/lyon/exercises/2023/budget")).json();
    assert.deepEqual(after2023, before2023);
    const metropole = await metropole2023();
    assert.deepEqual([metropole.total, metropole.recall], ["305797.00", "50350.00"]);
    const years = (await secretariat.send("GET", "/api/ententes")).json()[0].years;
    assert.deepEqual(years, [2022, 2023, 2024]);
  });

  it("2024's draft is edited on its own; 2023's figures never move", async () => {
    const draft = (await secretariat.send("GET", "/api/ententes/lyon/exercises/2024/budget")).json();
    const lines = draft.lines.map((l: Record<string, unknown>) =>
      l.label === "Chef de projet"
        ? { ...l, amount: "150000.00" }
        : l.receiptKind === "contribution"
          ? { ...l, amount: "557176.00" }
          : l,
    );
    const saved = await secretariat.send("PUT", "/api/ententes/lyon/exercises/2024/budget", {
      rowVersion: draft.rowVersion,
      lines,
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.json()));
    const dashboard = (await secretariat.send("GET", "/api/ententes/lyon/dashboard?year=2023")).json();
    assert.deepEqual(
      dashboard.members.map((m: { total: string }) => m.total),
      ["305797.00", "217051.00", "116328.00"],
    );
  });

  it("an exercise opens once: 409 exercise.already_exists, nothing stored", async () => {
    const again = await secretariat.send("POST", "/api/ententes/lyon/exercises", { from: 2023 });
    assert.equal(again.status, 409);
    assert.equal(again.json().code, "exercise.already_exists");
    const missing = await secretariat.send("POST", "/api/ententes/lyon/exercises", { from: 2030 });
    assert.equal(missing.status, 404);
  });

  it("a call year other than N+1 or N+2: 422 exercise.called_in_invalid, nothing stored", async () => {
    const reply = await secretariat.send("POST", "/api/ententes/lyon/exercises", {
      from: 2024,
      calledIn: 2028,
    });
    assert.equal(reply.status, 422);
    assert.equal(reply.json().code, "exercise.called_in_invalid");
    assert.equal((await secretariat.send("GET", "/api/ententes/lyon/exercises/2025/budget")).status, 404);
  });

  it("2023 opened from 2022 gathers the recall of 2022, called in 2023 (seed § III)", async () => {
    const opened = await early.send("POST", "/api/ententes/debut/exercises", { from: 2022 });
    assert.equal(opened.status, 201, JSON.stringify(opened.json()));
    const dashboard = (await early.send("GET", "/api/ententes/debut/dashboard?year=2023")).json();
    assert.deepEqual(
      dashboard.members.map((m: { recall: string; adjustments: string }) => [m.recall, m.adjustments]),
      [
        ["50350.00", "-32966.00"],
        ["29070.00", "21463.00"],
        ["15580.00", "11503.00"],
      ],
    );
  });

  it("2025's contributions may be recalled in 2026", async () => {
    const opened = await secretariat.send("POST", "/api/ententes/lyon/exercises", {
      from: 2024,
      calledIn: 2026,
      carryOver: { fonctionnement: "-3000", investissement: "350000" },
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.json()));
    const labels = opened.json().lines.map((l: { label: string }) => l.label);
    assert.ok(labels.includes("Report de l'exercice 2024 (excédent)"));
    assert.ok(!labels.includes("Report de l'exercice 2023 (excédent)"));
    const in2024 = (await secretariat.send("GET", "/api/ententes/lyon/dashboard?year=2024")).json();
    assert.equal(in2024.members.length, 3, JSON.stringify(in2024.problems));
    assert.ok(in2024.members.every((m: { recall: string }) => m.recall === "0.00"));
    const dashboard = (await secretariat.send("GET", "/api/ententes/lyon/dashboard?year=2026")).json();
    assert.deepEqual(dashboard.years, [2022, 2023, 2024, 2025, 2026]);
    assert.equal(dashboard.problems.length, 0, JSON.stringify(dashboard.problems));
    assert.ok(dashboard.members.every((m: { recall: string; total: string }) => m.recall === m.total));
    assert.ok(dashboard.members.every((m: { total: string }) => m.total !== "0.00"));
  });

  it("only the secretariat opens an exercise (403), and only in its own entente (404)", async () => {
    const reader = new ConsoleClient(app);
    await reader.signIn("lecture@lyon.entente.localhost", PASSWORD);
    assert.equal((await reader.send("POST", "/api/ententes/lyon/exercises", { from: 2025 })).status, 403);
    assert.equal((await early.send("POST", "/api/ententes/lyon/exercises", { from: 2025 })).status, 404);
  });
});
