import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { EntenteFileError } from "../../shared/entente-file-error.ts";
import { computeBudgetReport } from "../domain/compute-budget-report.ts";
import { validateEntente } from "../domain/validate-entente.ts";
import { formatMessage } from "../errors.ts";
import { parseEntenteText } from "./read-entente-file.ts";

/**
 * Issue 9, items 2 and 3 on the seed's entente: a commune joins in 2025 with a new key
 * (50 / 28 / 15 / 7) applying from 2025; the 2023 figures never move.
 */
const LYON = readFileSync(new URL("../../../examples/lyon-2023/entente.yaml", import.meta.url), "utf8");

const COMMUNE = `  - id: villeurbanne
    name: Ville de Villeurbanne
    kind: commune
    from: 2025
    accountant:
      office: Service de gestion comptable de Villeurbanne
`;
const KEY_2025 = `    periods:
      - from: 2025
        source: Avenant n° 1 à la convention (adhésion de Villeurbanne)
        percent:
          metropole: 50
          ville-lyon: 28
          sitiv: 15
          villeurbanne: 7
`;
const NEW_KEY_REWRITING_THE_PAST = `    percent:
      metropole: 50
      ville-lyon: 28
      sitiv: 15
      villeurbanne: 7
`;
const YEAR = (year: number) => `
  - year: ${year}
    expenses:
      - label: Fonctionnement des missions socles ${year}
        fonctionnement: 600000
    receipts:
      - kind: contribution
        fonctionnement: 600000
`;

/** The Lyon file with the commune, the key block replaced or extended, and exercises 2024-2025. */
function lyonWith(options: { member: string; key: "period" | "rewrite" }): string {
  const withMember = LYON.replace("\nkeys:", `\n${options.member}\nkeys:`);
  const rates = / {4}percent:\n {6}metropole: 53\n {6}ville-lyon: 30.6\n {6}sitiv: 16.4\n/;
  const withKey =
    options.key === "period"
      ? withMember.replace(rates, (block) => block + KEY_2025)
      : withMember.replace(rates, NEW_KEY_REWRITING_THE_PAST);
  return `${withKey.trimEnd()}\n${YEAR(2024)}${YEAR(2025)}`;
}

const totals = (text: string, year: number) =>
  computeBudgetReport(parseEntenteText(text, "entente.yaml"), year).fundCalls.map((c) => [c.member, c.total]);

describe("an entente over the years: a commune joins in 2025 with a key from 2025", () => {
  const text = lyonWith({ member: COMMUNE, key: "period" });

  it("the file is valid and the 2023 figures never move (305 797 €, 217 051 €, 116 328 €)", () => {
    assert.deepEqual(validateEntente(parseEntenteText(text, "entente.yaml")), []);
    assert.deepEqual(totals(text, 2023), [
      ["metropole", 305_797_00n],
      ["ville-lyon", 217_051_00n],
      ["sitiv", 116_328_00n],
      ["villeurbanne", 0n],
    ]);
  });

  it("2024 keeps the 2023 key; from 2025 the new key bills the commune its 7 %", () => {
    assert.deepEqual(totals(text, 2024), [
      ["metropole", 318_000_00n],
      ["ville-lyon", 183_600_00n],
      ["sitiv", 98_400_00n],
      ["villeurbanne", 0n],
    ]);
    assert.deepEqual(totals(text, 2025), [
      ["metropole", 300_000_00n],
      ["ville-lyon", 168_000_00n],
      ["sitiv", 90_000_00n],
      ["villeurbanne", 42_000_00n],
    ]);
  });

  it("rewriting the key instead bills the commune for years before it joined: refused, not computed", () => {
    const rewritten = lyonWith({ member: COMMUNE, key: "rewrite" });
    assert.throws(
      () => parseEntenteText(rewritten, "entente.yaml"),
      (error: EntenteFileError) => {
        assert.deepEqual(
          error.issues.map((i) => [i.code, i.field, i.details.year]),
          [
            ["member.billed_outside_membership", "exercises[0]", 2022],
            ["member.billed_outside_membership", "exercises[1]", 2023],
            ["member.billed_outside_membership", "exercises[2]", 2024],
          ],
        );
        assert.match(
          formatMessage("member.billed_outside_membership", error.issues[1]?.details ?? {}, "fr"),
          /depuis 2025/,
        );
        return true;
      },
    );
  });
});
