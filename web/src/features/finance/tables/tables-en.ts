import type { tablesFr } from "./tables-fr.ts";

/** English strings of the report's tables page (`tables.*`); same keys as the French piece. */
export const tablesEn: typeof tablesFr = {
  title: "Tables",
  titleYear: "Tables {{year}}",
  downloads: "Download the full document",
  format: {
    xlsx: "XLSX workbook {{year}}",
    ods: "ODS workbook {{year}}",
    csv: "CSV tables {{year}}",
    pdf: "PDF document {{year}}",
    md: "Markdown text {{year}}",
  },
  formatMeta: {
    xlsx: "Excel spreadsheet",
    ods: "LibreOffice spreadsheet, open format",
    csv: "comma-separated values",
    pdf: "for printing and the annex",
    md: "structured plain text",
  },
  notProducible:
    "The {{year}} budget still breaks a rule (for instance a draft whose sections are out of balance): the tables cannot be produced or downloaded yet.",
  notProducibleFix: "Fix the {{year}} budget, then come back to this page:",
  downloadsUnavailable: "Downloads unavailable while the budget breaks a rule.",
  allocation: "Split of the contributions",
  allocationCaption: "Split of the {{year}} contributions — key “{{key}}”, {{section}}:",
  noAllocation: "No contribution to split in {{year}}.",
  exactShare: "Exact share (€)",
  contribution: "Contribution (€)",
  roundingRule:
    "Rounding rule: each share is computed exactly, then rounded {{unit}} by the largest-remainder (Hamilton) method; on a tie, in member order ({{order}}). The parts add up exactly to the amount shared.",
  toEuro: "to the euro",
  toCent: "to the cent",
  recalls: "Recalls of earlier exercises",
  noRecall: "No earlier exercise is called this year.",
  recallCaption: "{{year}} contributions called in {{calledIn}}, advances and adjustments (in €)",
  partners: "Partners",
  contributionOf: "{{year}} contribution",
  adjustedOf: "Adjusted {{year}} contribution",
  advanceNote:
    "“{{label}}”: advanced by {{member}}, shared by the key “{{key}}”; the member who advanced it is credited. Amount advanced:",
  fundCalls: "Fund calls {{year}} by member",
  calledLater:
    "The {{year}} contributions will be called in {{calledIn}} (recall): nothing is called in {{year}}.",
};
