import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parseEntenteText } from "../formats/read-entente-file.ts";
import { computeBudgetReport } from "./compute-budget-report.ts";
import { memberContribution } from "./member-contribution.ts";

const LYON = new URL("../../../examples/lyon-2023/entente.yaml", import.meta.url);

describe("memberContribution (what a member's deliberation approves)", () => {
  const report = computeBudgetReport(parseEntenteText(readFileSync(LYON, "utf8"), "entente.yaml"), 2023);

  it("is the member's fund call: the seed's 305 797 € for the Métropole, all in fonctionnement", () => {
    const metropole = memberContribution(report, "metropole");
    assert.ok(metropole);
    assert.equal(metropole.call.total, 30_579_700n);
    assert.equal(metropole.call.recall, 5_035_000n);
    assert.deepEqual(metropole.bySection, { investissement: 0n, fonctionnement: 30_579_700n });
  });

  it("charges adjustments to fonctionnement, so the sections add up to the call for every member", () => {
    for (const member of report.memberOrder) {
      const c = memberContribution(report, member);
      assert.ok(c);
      assert.equal(c.bySection.investissement + c.bySection.fonctionnement, c.call.total);
    }
  });

  it("is null for someone who is not a member", () => {
    assert.equal(memberContribution(report, "paris"), null);
  });
});
