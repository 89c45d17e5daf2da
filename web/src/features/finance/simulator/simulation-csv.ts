/** A key simulation as the API answers it (contracts/simulation-api.ts). */
export type SimulationResult = {
  year: number;
  keyId: string;
  columns: string[];
  rows: { memberId: string; name: string; amounts: string[] }[];
  totals: string[];
};

/**
 * A cell as CSV writes it (RFC 4180: quoted when it holds a comma, quote or line break). A cell
 * starting with = + - @, tab or CR is prefixed with an apostrophe so that a spreadsheet does not
 * run it as a formula (the rule of src/finance/formats/neutralise-formula.ts, which the console
 * may not import); amounts are exact decimal texts and negative ones are kept as numbers.
 */
export function csvCell(text: string): string {
  const neutral = /^[=+\-@\t\r]/.test(text) && !/^-\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/**
 * The comparison as CSV (UTF-8, comma-separated, amounts in euros with a decimal point): a header
 * (member, then each column's label), one row per member, the totals last. Written here rather
 * than with a library: the console bundles no CSV writer and the format is these few lines.
 */
export function simulationCsv(result: SimulationResult, labels: { member: string; total: string }): string {
  const lines = [
    [labels.member, ...result.columns],
    ...result.rows.map((r) => [r.name, ...r.amounts]),
    [labels.total, ...result.totals],
  ];
  return `${lines.map((line) => line.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
