/** One change of an audit event: a field (or a budget line, `line` 1-based) before and after. */
export type Change = { field: string; before: string; after: string; line?: number };

/** How amounts read: `cents` for integer cents (amountCents, amount_cents), `euros` for "305797.00". */
export type AmountFormat = { cents: (cents: bigint) => string; euros: (text: string) => string };

const CENTS_FIELDS = new Set(["amountCents", "amount_cents"]);
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** An amount field's value as euros, or undefined when it is not one. */
function amountOf(key: string, value: unknown, format: AmountFormat | undefined): string | undefined {
  if (format === undefined) return undefined;
  if (CENTS_FIELDS.has(key)) {
    if (typeof value === "string" && /^-?\d+$/.test(value)) return format.cents(BigInt(value));
    if (typeof value === "number" && Number.isInteger(value)) return format.cents(BigInt(value));
  }
  if (key === "amount" && typeof value === "string" && /^-?\d+(\.\d{1,2})?$/.test(value)) {
    return format.euros(value);
  }
  return undefined;
}

/** A value as compact JSON, amounts (in cents or euros) written as euros. */
function show(value: unknown, key: string, format: AmountFormat | undefined): string {
  if (value === undefined) return "—";
  const amount = amountOf(key, value, format);
  if (amount !== undefined) return amount;
  return JSON.stringify(value, (k, v: unknown) => amountOf(k, v, format) ?? v);
}

function diffRecords(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  format: AmountFormat | undefined,
): Change[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((f) => f !== "rowVersion" && show(before[f], f, format) !== show(after[f], f, format))
    .map((f) => ({ field: f, before: show(before[f], f, format), after: show(after[f], f, format) }));
}

/**
 * What an audit event changed, field by field, for a person to read: top-level fields whose
 * value differs between `before` and `after` (a creation has no before, a deletion no after).
 * Values are shown as compact JSON, amounts as euros when `format` is given. Two lists of records
 * (a budget's lines) are compared line by line: only the lines that changed, with their fields.
 * @example diffAudit({ name: "SITIV", siren: null }, { name: "SITIV", siren: "256900994" })
 *   // [{ field: "siren", before: "null", after: "\"256900994\"" }]
 */
export function diffAudit(before: unknown, after: unknown, format?: AmountFormat): Change[] {
  if (isRecord(before) && isRecord(after)) return diffRecords(before, after, format);
  if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].every(isRecord)) {
    const changes: Change[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const b = before[i] as Record<string, unknown> | undefined;
      const a = after[i] as Record<string, unknown> | undefined;
      if (b !== undefined && a !== undefined) {
        const fields = diffRecords(b, a, format);
        if (fields.length === 0) continue;
        changes.push({
          line: i + 1,
          field: fields.map((f) => f.field).join(", "),
          before: fields.map((f) => `${f.field}: ${f.before}`).join(" · "),
          after: fields.map((f) => `${f.field}: ${f.after}`).join(" · "),
        });
      } else {
        changes.push({ line: i + 1, field: "", before: show(b, "", format), after: show(a, "", format) });
      }
    }
    return changes;
  }
  const b = show(before, "", format);
  const a = show(after, "", format);
  return b === a ? [] : [{ field: "", before: b, after: a }];
}
