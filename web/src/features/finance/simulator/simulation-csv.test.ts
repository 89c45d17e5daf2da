import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { csvCell, simulationCsv } from "./simulation-csv.ts";

describe("the key simulation as CSV", () => {
  it("one row per member, the totals last, exact amounts", () => {
    const csv = simulationCsv(
      {
        year: 2023,
        keyId: "socle",
        columns: ["Clé des missions socles", "Population, INSEE 2021"],
        rows: [
          { memberId: "metropole", name: "Métropole de Lyon", amounts: ["288413.00", "375044.00"] },
          { memberId: "sitiv", name: "SITIV", amounts: ["255763.00", "169132.00"] },
        ],
        totals: ["544176.00", "544176.00"],
      },
      { member: "Membre", total: "Total" },
    );
    assert.equal(
      csv,
      'Membre,Clé des missions socles,"Population, INSEE 2021"\r\nMétropole de Lyon,288413.00,375044.00\r\nSITIV,255763.00,169132.00\r\nTotal,544176.00,544176.00\r\n',
    );
  });

  it("neutralises a formula in a name; keeps a negative amount a number", () => {
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell("@SUM(A1)"), "'@SUM(A1)");
    assert.equal(csvCell("-12.50"), "-12.50");
    assert.equal(csvCell("-cmd"), "'-cmd");
  });
});
