import type { z } from "zod";
import { EURO_AMOUNT_INPUT_PATTERN } from "../../../../src/shared/contract-primitives.ts";
import { MAX_AMOUNT_CENTS, MAX_AMOUNT_INTEGER_DIGITS } from "../../../../src/shared/limits.ts";
import { centsToEuroText, formatAmountInput } from "../../../../src/shared/money-input.ts";
import type { Translate } from "../i18n/translate.ts";

/**
 * The message of an issue the contract's schema found in a form's body, before sending it. The
 * contract's own messages are written for the API, in French, with amounts in the API's form
 * ("45276.50"); an amount's is said again in the console's language with amounts as the person
 * types them in its fields (« 140 000,00 » in French, "140000.00" in English: formatAmountInput).
 * Other issues keep the contract's message.
 * @example issueMessage(EuroAmountInput.safeParse("1400000000000").error.issues[0], t)
 *   // fr: "Montant en euros attendu : au plus 12 chiffres … par exemple 140 000,00 ou 45 276,50."
 */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate, language: string): string {
  const amount =
    issue.code === "invalid_format" &&
    issue.format === "regex" &&
    issue.pattern === String(EURO_AMOUNT_INPUT_PATTERN);
  if (!amount) return issue.message;
  const typed = (apiText: string) => formatAmountInput(apiText, language);
  return t("errors.amountInput", {
    digits: MAX_AMOUNT_INTEGER_DIGITS,
    max: typed(centsToEuroText(MAX_AMOUNT_CENTS)),
    whole: typed("140000.00"),
    withCents: typed("45276.50"),
  });
}
