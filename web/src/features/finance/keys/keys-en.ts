import type { keysFr } from "./keys-fr.ts";

/** English strings of the allocation keys page (`keys.*`); same keys as the French piece. */
export const keysEn: typeof keysFr = {
  title: "Allocation keys",
  intro: "Each key shares an expense between the members. The rates of a key must add up to exactly 100%.",
  default: "default key",
  usedBy: "used by: {{missions}}",
  sourceIs: "Source: {{source}}",
  sharesOf: "Shares of the key “{{label}}”",
  weight: "Weight",
  criteriaValue: "Value",
  share: "Share",
  label: "Key label",
  source: "Source",
  sourceHint: "Deliberation or agreement that sets the rates",
  sharePercent: "Rate (%)",
  shareOf: "Rate of {{member}} (%)",
  notARate: "A rate in % is expected, for example 30.6 (at most 4 decimals).",
  sum: "Sum",
  checkOk: "The sum is exactly 100%: the key can be saved.",
  checkMissing: "Sum: {{sum}} — {{gap}} missing to reach 100%.",
  checkExcess: "Sum: {{sum}} — {{gap}} over 100%.",
  checkInvalid_one: "{{count}} rate cannot be read: fix it to compute the sum.",
  checkInvalid_other: "{{count}} rates cannot be read: fix them to compute the sum.",
};
