import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { computeBudgetBalance } from "./budget-balance.ts";

const line = (
  section: "investissement" | "fonctionnement",
  direction: "expense" | "receipt",
  amount: string,
) => ({
  section,
  direction,
  amount,
});

describe("computeBudgetBalance", () => {
  it("balances the Lyon 2023 investment section: 975 000 € of expenses and of receipts", () => {
    const lines = [
      line("investissement", "expense", "195000"),
      line("investissement", "expense", "60000"),
      line("investissement", "expense", "540000"),
      line("investissement", "expense", "180000"),
      line("investissement", "receipt", "350000"),
      line("investissement", "receipt", "125000"),
      line("investissement", "receipt", "500 000,00"),
    ];
    const b = computeBudgetBalance(lines);
    assert.deepEqual(b.investissement, { expenses: 97500000n, receipts: 97500000n, balance: 0n });
    assert.deepEqual(b.fonctionnement, { expenses: 0n, receipts: 0n, balance: 0n });
  });

  it("shows the gap of an unbalanced section, to the cent", () => {
    const b = computeBudgetBalance([
      line("fonctionnement", "expense", "45276.50"),
      line("fonctionnement", "receipt", "45276"),
    ]);
    assert.equal(b.fonctionnement.balance, -50n);
  });

  it("leaves unreadable or negative amounts out and lists them", () => {
    const b = computeBudgetBalance([
      line("fonctionnement", "expense", "12,345"),
      line("fonctionnement", "expense", ""),
      line("fonctionnement", "expense", "-5"),
      line("fonctionnement", "receipt", "10"),
    ]);
    assert.deepEqual(b.unreadable, [0, 1, 2]);
    assert.equal(b.fonctionnement.balance, 1000n);
  });
});
