import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { Principal } from "../../src/access/index.ts";
import { compareAmendingBudget } from "../../src/finance/app/compare-amending-budget.ts";
import { createDecision } from "../../src/finance/app/create-decision.ts";
import type { FinanceDeps } from "../../src/finance/app/finance-deps.ts";
import { getDashboard } from "../../src/finance/app/get-dashboard.ts";
import { getMemberStatement } from "../../src/finance/app/get-member-statement.ts";
import { issueFundCallCorrections } from "../../src/finance/app/issue-fund-call-corrections.ts";
import { readBudget } from "../../src/finance/app/read-budget.ts";
import { saveBudget } from "../../src/finance/app/save-budget.ts";
import { setKeyPeriod } from "../../src/finance/app/set-key-period.ts";
import { createFinanceStores } from "../../src/finance/db/create-finance-stores.ts";
import { computeBudgetReport } from "../../src/finance/domain/compute-budget-report.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import { EntenteError, ValidationError } from "../../src/shared/errors.ts";
import { adoptYear, draftLyonAmendingBudget, secretariatOf } from "../helpers/amending-steps.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

const ADOPTED_2023 = [305_797_00n, 217_051_00n, 116_328_00n];
const reader: Principal = { ...secretariatOf("lyon"), role: "reader" };
const isCode = (code: string) => (e: unknown) => e instanceof EntenteError && e.code === code;

describeOnDatabases("amending budget (décision modificative) in the database", (get) => {
  let deps: FinanceDeps;
  before(async () => {
    deps = {
      ...createFinanceStores(get().db),
      clock: { now: () => new Date("2023-07-01T00:00:00Z") },
      usage: { figures: async () => ({ unknownService: [] }) },
      subscriptions: { outside: async () => [] },
    };
    await deps.ententes.importEntente("lyon", await readEntenteFile(LYON), { id: "test", label: "test" });
    await draftLyonAmendingBudget(deps, "lyon", 9_999_00n);
  });

  it("while the DM is a draft, everyone reads the adopted 2023; the draft is read on its own", async () => {
    const inForce = await deps.ententes.loadEntente("lyon");
    assert.deepEqual(
      computeBudgetReport(inForce, 2023).fundCalls.map((c) => c.total),
      ADOPTED_2023,
    );
    const draft = await deps.ententes.loadEntenteDraft("lyon", 2023);
    const amended = computeBudgetReport(draft, 2023).fundCalls.map((c) => c.total);
    assert.equal(
      amended.reduce((s, t) => s + t, 0n),
      639_176_00n + 9_999_00n,
    );
    const budget = await readBudget(deps, reader, "lyon", 2023);
    assert.deepEqual([budget.number, budget.status], [1, "adopted"]);
    const dashboard = await getDashboard(deps, reader, "lyon", 2023);
    assert.deepEqual(
      dashboard.members.map((m) => m.total),
      ADOPTED_2023,
    );
    assert.deepEqual(dashboard.calls, { called: 639_176_00n, paid: 150_000_00n, due: 489_176_00n });
    const view = await compareAmendingBudget(deps, secretariatOf("lyon"), "lyon", 2023);
    assert.equal(
      view.members.reduce((s, m) => s + m.delta, 0n),
      9_999_00n,
    );
    await assert.rejects(compareAmendingBudget(deps, reader, "lyon", 2023), isCode("access.forbidden"));
  });

  it("a key change from the adopted 2023 is refused at `from`, naming 2024; nothing stored", async () => {
    const shares = [
      { memberId: "metropole", value: "50" },
      { memberId: "ville-lyon", value: "33.6" },
      { memberId: "sitiv", value: "16.4" },
    ];
    await assert.rejects(
      setKeyPeriod(deps, secretariatOf("lyon"), "lyon", "socle", { from: 2023, source: null, shares }),
      (e) =>
        isCode("budget.adopted_figures_frozen")(e) &&
        (e as EntenteError).path[0] === "from" &&
        /2024/.test((e as EntenteError).message),
    );
    const inForce = await deps.ententes.loadEntente("lyon");
    assert.deepEqual(
      computeBudgetReport(inForce, 2023).fundCalls.map((c) => c.total),
      ADOPTED_2023,
    );
  });

  it("the conference approves the DM's own figures: a DM out of balance is refused, nothing stored", async () => {
    const who = secretariatOf("lyon");
    const draft = await deps.budgets.latest("lyon", 2023);
    assert.ok(draft !== null);
    const unbalanced = draft.lines.map((l) =>
      l.label === "Chef de projet" ? { ...l, amountCents: l.amountCents + 1_00n } : l,
    );
    const saved = await saveBudget(deps, who, "lyon", 2023, unbalanced, draft.rowVersion);
    const decision = {
      subject: "DM 1",
      conferenceDate: "2023-06-01",
      conferenceLabel: "Conférence",
      budgetYear: 2023,
    };
    await assert.rejects(createDecision(deps, who, "lyon", decision), (e) => e instanceof ValidationError);
    assert.equal((await deps.decisions.list("lyon")).filter((d) => d.budgetYear === 2023).length, 1);
    await saveBudget(deps, who, "lyon", 2023, draft.lines, saved.rowVersion);
  });

  it("a store refusal while issuing corrections leaves nothing half-written", async () => {
    await assert.rejects(
      deps.fundCalls.issueCorrections(
        "lyon",
        { year: 2023, number: 2 },
        [2023],
        new Date("2026-01-15T10:00:00Z"),
        { id: "test", label: "test" },
        () => [
          { callYear: 2023, memberId: "metropole", amountCents: 1_00n, dueOn: null, reference: "X-1" },
          { callYear: 2023, memberId: "inconnu", amountCents: -1_00n, dueOn: null, reference: "X-2" },
        ],
      ),
      isCode("fund_call.correction_without_call"),
    );
    const calls = await deps.fundCalls.list("lyon", 2023);
    assert.ok(calls.every((c) => c.corrections.length === 0));
  });

  it("adopted: complementary calls, Σ = 9 999 €, the original calls and the 2023 deliberated figures never move", async () => {
    await adoptYear(deps, "lyon", 2023, "2023-06-20");
    // Two issues at once: one issues, the other is refused once it sees the first's corrections.
    const issue = () => issueFundCallCorrections(deps, secretariatOf("lyon"), "lyon", 2023, "2023-09-30");
    const settled = await Promise.allSettled([issue(), issue()]);
    const done = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = settled.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    assert.equal(done.length, 1);
    assert.ok(
      refused.length === 1 && isCode("fund_call.corrections_already_issued")(refused[0]),
      String(refused[0]),
    );
    const issued = done[0] ?? [];
    assert.deepEqual(
      issued.map((c) => c.amountCents),
      ADOPTED_2023,
    );
    const corrections = issued.flatMap((c) => c.corrections);
    assert.equal(corrections.length, 3);
    assert.equal(
      corrections.reduce((s, c) => s + c.amountCents, 0n),
      9_999_00n,
    );
    const dashboard = await getDashboard(deps, reader, "lyon", 2023);
    assert.deepEqual(dashboard.calls, { called: 649_175_00n, paid: 150_000_00n, due: 499_175_00n });
    for (const m of dashboard.members) {
      assert.equal(m.called, m.total);
      assert.equal(m.due, m.called - m.paid);
      assert.equal(m.pending, 0n);
    }
    const statement = await getMemberStatement(deps, reader, "lyon", "metropole");
    const y2023 = statement.years.find((y) => y.year === 2023);
    assert.equal(y2023?.called, dashboard.members[0]?.called);
    const first = await deps.budgets.version("lyon", 2023, 1);
    const original = computeBudgetReport(
      await deps.ententes.loadEntenteDraft("lyon", 2023, first?.number),
      2023,
    );
    assert.deepEqual(
      original.fundCalls.map((c) => c.total),
      ADOPTED_2023,
    );
  });
});
