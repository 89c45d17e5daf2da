import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { Principal } from "../../src/access/index.ts";
import { createAmendingBudget } from "../../src/finance/app/create-amending-budget.ts";
import type { FinanceDeps } from "../../src/finance/app/finance-deps.ts";
import { getDashboard } from "../../src/finance/app/get-dashboard.ts";
import { issueFundCallCorrections } from "../../src/finance/app/issue-fund-call-corrections.ts";
import { issueFundCalls } from "../../src/finance/app/issue-fund-calls.ts";
import { readSettlement } from "../../src/finance/app/read-settlement.ts";
import { recordPayment } from "../../src/finance/app/record-payment.ts";
import { saveSettlement } from "../../src/finance/app/save-settlement.ts";
import { createFinanceStores } from "../../src/finance/db/create-finance-stores.ts";
import { computeBudgetReport } from "../../src/finance/domain/compute-budget-report.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import { adoptYear, secretariatOf } from "../helpers/amending-steps.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

// Issue 9, item 4 (task H7): a DM carrying a régularisation. Advances and adjustments are
// versioned with the budget (migration 0177): a DM of 2022 raising the Métropole's advance moves
// no adopted figure, and once adopted yields per-member corrections of the 2023 calls (2022's
// operating is recalled in 2023), never rewriting an issued call.
const ADOPTED_2023 = [305_797_00n, 217_051_00n, 116_328_00n];
const reader: Principal = { ...secretariatOf("lyon"), role: "reader" };
const who = secretariatOf("lyon");

describeOnDatabases("a DM carrying a régularisation (versioned advances and adjustments)", (get) => {
  let deps: FinanceDeps;
  before(async () => {
    deps = {
      ...createFinanceStores(get().db),
      clock: { now: () => new Date("2023-07-01T00:00:00Z") },
      usage: { figures: async () => ({ unknownService: [] }) },
      subscriptions: { outside: async () => [] },
    };
    await deps.ententes.importEntente("lyon", await readEntenteFile(LYON), { id: "test", label: "test" });
    await adoptYear(deps, "lyon", 2022, "2022-06-01");
    await adoptYear(deps, "lyon", 2023, "2022-12-12");
    await issueFundCalls(deps, who, "lyon", 2023, "2023-03-31");
    await recordPayment(deps, who, "lyon", 2023, "metropole", {
      amountCents: 305_797_00n,
      paidOn: "2023-07-01", // the clock's day: the calls were issued that day
      reference: "virement 1",
    });
  });

  it("a DM of 2022 changes its own advance only; the adopted 2022 and 2023 figures do not move", async () => {
    await createAmendingBudget(deps, who, "lyon", 2022);
    const draft = await readSettlement(deps, who, "lyon", 2022);
    assert.equal(draft.advances[0]?.amountCents, 70_140_00n);
    const raised = { ...draft, advances: draft.advances.map((a) => ({ ...a, amountCents: 80_140_00n })) };
    await saveSettlement(deps, who, "lyon", 2022, raised, draft.rowVersion);
    // The secretariat reads its working copy; a reader the adopted version.
    assert.equal((await readSettlement(deps, who, "lyon", 2022)).advances[0]?.amountCents, 80_140_00n);
    assert.equal((await readSettlement(deps, reader, "lyon", 2022)).advances[0]?.amountCents, 70_140_00n);
    const inForce = await deps.ententes.loadEntente("lyon");
    assert.deepEqual(
      computeBudgetReport(inForce, 2023).fundCalls.map((c) => c.total),
      ADOPTED_2023,
    );
    const amended = computeBudgetReport(await deps.ententes.loadEntenteDraft("lyon", 2022), 2023);
    const totals = amended.fundCalls.map((c) => c.total);
    assert.equal(
      totals.reduce((s, t) => s + t, 0n),
      639_176_00n,
      "an advance is spread by the key: Σ unchanged",
    );
    assert.ok((totals[0] ?? 0n) < (ADOPTED_2023[0] ?? 0n), "the Métropole advanced more: it is called less");
  });

  it("adopted: corrections of the 2023 calls sum to zero, balanced to the cent; version 1 stays readable", async () => {
    await adoptYear(deps, "lyon", 2022, "2023-06-20");
    const calls = await issueFundCallCorrections(deps, who, "lyon", 2022, "2023-09-30");
    const corrections = calls.flatMap((c) => c.corrections);
    assert.equal(corrections.length, 3);
    assert.equal(
      corrections.reduce((s, c) => s + c.amountCents, 0n),
      0n,
    );
    assert.deepEqual(
      calls.map((c) => c.amountCents),
      ADOPTED_2023,
      "the issued calls are never rewritten",
    );
    const after = computeBudgetReport(await deps.ententes.loadEntente("lyon"), 2023).fundCalls;
    for (const [i, call] of calls.entries())
      assert.equal(call.amountCents + (call.corrections[0]?.amountCents ?? 0n), after[i]?.total);
    assert.ok(
      corrections.every((c) => c.reference.endsWith("-DM1-2022")),
      "a DM of 2022 names its year on a 2023 call",
    );
    const dashboard = await getDashboard(deps, reader, "lyon", 2023);
    assert.equal(dashboard.calls.called, 639_176_00n);
    for (const m of dashboard.members) assert.equal(m.due, m.called - m.paid);
    assert.equal(
      dashboard.calls.called,
      dashboard.members.reduce((s, m) => s + m.called, 0n),
    );
    const metropole = dashboard.members[0];
    assert.ok(metropole !== undefined && metropole.due < 0n, "the Métropole is now overpaid (trop-perçu)");
    const first = computeBudgetReport(await deps.ententes.loadEntenteDraft("lyon", 2022, 1), 2023);
    assert.deepEqual(
      first.fundCalls.map((c) => c.total),
      ADOPTED_2023,
    );
    const v1 = await deps.ententes.loadEntenteDraft("lyon", 2022, 1);
    assert.equal(v1.exercises.find((e) => e.year === 2022)?.advances[0]?.amount, 70_140_00n);
  });
});
