import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { neutraliseFormula } from "./neutralise-formula.ts";
import { renderCsv } from "./render-csv.ts";
import { money, text } from "./table.ts";

describe("neutraliseFormula (OWASP CSV injection)", () => {
  const cases: [string, string][] = [
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ["+33 4 78", "'+33 4 78"],
    ["-1+1", "'-1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["Ville de Lyon", "Ville de Lyon"],
    ["Saint-Genis = 3", "Saint-Genis = 3"],
    ["", ""],
  ];
  for (const [input, expected] of cases)
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () =>
      assert.equal(neutraliseFormula(input), expected));

  it("a CSV export quotes a member named like a formula but keeps negative amounts as numbers", () => {
    const csv = renderCsv(
      [
        {
          id: "t",
          title: "T",
          columns: ["=Membre", "Montant"],
          rows: [{ cells: [text('=HYPERLINK("http://x")'), money(-3296600n, true)] }],
          notes: [],
        },
      ],
      "euro",
    );
    assert.equal(csv, `'=Membre,Montant\r\n"'=HYPERLINK(""http://x"")",-32966\r\n`);
  });
});
