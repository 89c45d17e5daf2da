import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { BudgetReportJson } from "./budget-report.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The JSON the CLI prints is the JSON the report endpoint answers (same renderer). */
function reportOf(example: string): unknown {
  const out = execFileSync(process.execPath, ["src/cli.ts", "budget", example, "--format", "json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return JSON.parse(out);
}

describe("BudgetReportJson", () => {
  it("accepts the Lyon 2023 report and keeps the seed's figures as exact strings", () => {
    const report = BudgetReportJson.parse(reportOf("examples/lyon-2023/entente.yaml"));
    const metropole = report.fundCalls.find((f) => f.member === "metropole");
    assert.equal(metropole?.total, "305797.00");
    assert.deepEqual(
      report.settlements.find((s) => s.year === 2022)?.members.map((m) => m.adjusted),
      ["17384.00", "50533.00", "27083.00"],
    );
  });

  it("accepts the 12-commune syndicate report (weighted keys, cents, chained exercises)", () => {
    const report = BudgetReportJson.safeParse(reportOf("examples/syndicat-12-communes/entente.yaml"));
    assert.equal(report.success, true, report.error?.message);
  });

  it("rejects an amount sent as a JSON number", () => {
    const report = reportOf("examples/lyon-2023/entente.yaml") as { fundCallTotals: { total: unknown } };
    report.fundCallTotals.total = 639176;
    assert.equal(BudgetReportJson.safeParse(report).success, false);
  });
});
