export type Change = { field: string; before: string; after: string };

const show = (value: unknown): string => (value === undefined ? "—" : JSON.stringify(value));

/**
 * What an audit event changed, field by field, for a person to read: top-level fields whose
 * value differs between `before` and `after` (a creation has no before, a deletion no after).
 * Values are shown as compact JSON; nested objects are compared whole.
 * @example diffAudit({ name: "SITIV", siren: null }, { name: "SITIV", siren: "256900994" })
 *   // [{ field: "siren", before: "null", after: "\"256900994\"" }]
 */
export function diffAudit(before: unknown, after: unknown): Change[] {
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isRecord(before) || !isRecord(after)) {
    return show(before) === show(after) ? [] : [{ field: "", before: show(before), after: show(after) }];
  }
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((f) => f !== "rowVersion" && show(before[f]) !== show(after[f]))
    .map((f) => ({ field: f, before: show(before[f]), after: show(after[f]) }));
}
