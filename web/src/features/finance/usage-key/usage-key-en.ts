import type { usageKeyFr } from "./usage-key-fr.ts";

/** English strings of the usage key page (`usageKey.*`). */
export const usageKeyEn: typeof usageKeyFr = {
  title: "Usage key",
  intro:
    "A usage key shares the cost of a specific mission by the accounts open or the measured usage of a digital workplace service over an exercise. Once frozen it applies from that exercise on and its figures never change.",
  frozenTitle: "Frozen usage keys",
  none: "No usage key frozen yet.",
  frozenOf: "{{mission}} ({{section}}) — key “{{key}}” from {{year}}",
  sourceIs: "Source: {{source}}",
  computeTitle: "Compute a usage key",
  noMission: "The entente has no specific mission: a usage key only concerns those.",
  mission: "Specific mission",
  section: "Section",
  year: "Exercise",
  service: "Digital workplace service",
  serviceHint:
    "A catalogue service; its accounts and usage per member come from the subscriptions and the service's reports.",
  noService: "No service in the catalogue: add it to the service catalogue first.",
  counted: "What is counted",
  seats: "Accounts open (subscriptions)",
  measured: "Usage measured by the service",
  metric: "Measured metric",
  metricHint: "The name the service reports, for example storage_used",
  compute: "Compute (preview, nothing saved)",
  previewOf: "Preview of usage key “{{key}}” in {{year}}",
  frozenNotice: "Key frozen from {{year}} on: earlier exercises keep theirs.",
  seatsColumn: "Accounts",
  measuredColumn: "Measured usage",
  weightColumn: "Weight",
  share: "Share",
  freeze: "Freeze the key from {{year}} on",
  freezeHint:
    "Freezing stores these figures as the period of the mission's key from the exercise on; refused when that exercise is already approved or adopted.",
};
