import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffAudit } from "./audit-diff.ts";

describe("diffAudit", () => {
  it("lists the fields that changed, not the row version", () => {
    assert.deepEqual(
      diffAudit(
        { name: "SITIV", siren: null, rowVersion: 1 },
        { name: "SITIV", siren: "256900994", rowVersion: 2 },
      ),
      [{ field: "siren", before: "null", after: '"256900994"' }],
    );
  });

  it("shows a creation and a deletion as one change from or to nothing", () => {
    assert.deepEqual(diffAudit(null, { a: 1 }), [{ field: "", before: "null", after: '{"a":1}' }]);
    assert.deepEqual(diffAudit({ a: 1 }, undefined), [{ field: "", before: '{"a":1}', after: "—" }]);
  });

  it("compares nested values whole and reports nothing when equal", () => {
    assert.deepEqual(diffAudit({ shares: [1, 2] }, { shares: [1, 2] }), []);
    assert.equal(diffAudit({ shares: [1, 2] }, { shares: [2, 1] }).length, 1);
  });
});

describe("diffAudit, for people", () => {
  const format = {
    cents: (c: bigint) => `${c / 100n},${String(c % 100n).padStart(2, "0")} €`,
    euros: (t: string) => `${t.replace(".", ",")} €`,
  };

  it("shows amounts held in cents (amountCents, amount_cents) as euros", () => {
    assert.deepEqual(diffAudit({ amountCents: "10050" }, { amountCents: "20000" }, format), [
      { field: "amountCents", before: "100,50 €", after: "200,00 €" },
    ]);
    assert.match(
      diffAudit(null, { fundCall: "1", amount_cents: "12345" }, format)[0]?.after ?? "",
      /123,45 €/,
    );
  });

  it("lists the budget lines that changed, not one field for the whole budget", () => {
    const line = (label: string, amount: string) => ({ label, section: "fonctionnement", amount });
    const changes = diffAudit(
      [line("A", "100.00"), line("B", "200.00")],
      [line("A", "100.00"), line("B", "250.00"), line("C", "5.00")],
      format,
    );
    assert.equal(changes.length, 2);
    assert.deepEqual(changes[0], {
      line: 2,
      field: "amount",
      before: "amount: 200,00 €",
      after: "amount: 250,00 €",
    });
    assert.equal(changes[1]?.line, 3);
    assert.equal(changes[1]?.before, "—");
  });
});
