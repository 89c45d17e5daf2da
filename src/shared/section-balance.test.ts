import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { computeSectionBalances } from "./section-balance.ts";

const SECTIONS = ["investissement", "fonctionnement"] as const;
type Section = (typeof SECTIONS)[number];
const line = (section: Section, direction: "expense" | "receipt", cents: bigint) => ({
  section,
  direction,
  cents,
});

describe("computeSectionBalances", () => {
  it("balances the Lyon 2023 investment section: 975 000 € of expenses and of receipts", () => {
    const b = computeSectionBalances(SECTIONS, [
      line("investissement", "expense", 19500000n),
      line("investissement", "expense", 78000000n),
      line("investissement", "receipt", 47500000n),
      line("investissement", "receipt", 50000000n),
    ]);
    assert.deepEqual(b.investissement, { expenses: 97500000n, receipts: 97500000n, balance: 0n });
    assert.deepEqual(b.fonctionnement, { expenses: 0n, receipts: 0n, balance: 0n });
  });

  it("gives receipts − expenses per section, to the cent", () => {
    const b = computeSectionBalances(SECTIONS, [
      line("fonctionnement", "expense", 4527650n),
      line("fonctionnement", "receipt", 4527600n),
      line("investissement", "receipt", 1n),
    ]);
    assert.equal(b.fonctionnement.balance, -50n);
    assert.equal(b.investissement.balance, 1n);
  });

  it("lists every section asked for, even without lines", () => {
    assert.deepEqual(Object.keys(computeSectionBalances(SECTIONS, [])), [...SECTIONS]);
  });
});
