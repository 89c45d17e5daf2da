import assert from "node:assert/strict";
import { describe, it } from "node:test";
import i18next from "i18next";
import { EuroAmountInput, PercentText } from "../../../../src/shared/contract-primitives.ts";
import { commonEn } from "../i18n/common-en.ts";
import { commonFr } from "../i18n/common-fr.ts";
import type { Translate } from "../i18n/translate.ts";
import { issueMessage } from "./issue-message.ts";

/** The console's `t` in `language`, on the shared strings. */
function translateIn(language: "fr" | "en"): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { fr: { translation: commonFr }, en: { translation: commonEn } },
    lng: language,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t.bind(instance) as unknown as Translate;
}

const firstIssue = (schema: { safeParse(v: unknown): { error?: { issues: unknown[] } } }, value: string) =>
  schema.safeParse(value).error?.issues[0] as Parameters<typeof issueMessage>[0];

/** Fresh-user finding: a budget line's amount error gave « 45276.50 » where the field shows « 140 000,00 ». */
describe("issueMessage", () => {
  const tooLarge = firstIssue(EuroAmountInput, "1400000000000.00");

  it("an amount's message in French gives its examples as typed in the French console", () => {
    const message = issueMessage(tooLarge, translateIn("fr"), "fr");
    assert.equal(
      message,
      "Montant en euros attendu : au plus 12 chiffres avant la virgule (999 999 999 999,99 € au plus) et 2 après, par exemple 140 000,00 ou 45 276,50.",
    );
    assert.doesNotMatch(message, /45276\.50/);
  });

  it("in English, as typed in the English console", () => {
    assert.equal(
      issueMessage(tooLarge, translateIn("en"), "en"),
      "An amount in euros is expected: at most 12 digits before the decimal point (€999999999999.99 at most) and 2 after, for example 140000.00 or 45276.50.",
    );
  });

  it("another issue keeps the contract's message", () => {
    const rate = firstIssue(PercentText, "abc");
    assert.equal(issueMessage(rate, translateIn("en"), "en"), "taux en % attendu, ex. 30.6");
  });
});
