/**
 * Where a value holds the NUL character (U+0000), which no text of Entente may contain:
 * PostgreSQL refuses it in `text` columns ("invalid byte sequence for encoding UTF8: 0x00"), and
 * it would cut the strings of C peers (slapd, Dovecot, Postfix) short. Checked at the edges (HTTP
 * requests, files read by the CLI) so that it is refused as the sender's mistake, naming the field,
 * before anything is stored.
 *
 * @param value a parsed JSON value, query or params object (strings, arrays, plain objects)
 * @returns the path of the first string (or object key) holding U+0000, e.g. `["members", 2, "name"]`;
 *   `undefined` when there is none. Depth is bounded by the value itself (parsed JSON has no cycles).
 */
export function findNulCharacter(
  value: unknown,
  path: readonly (string | number)[] = [],
): readonly (string | number)[] | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = findNulCharacter(value[index], [...path, index]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\u0000")) return [...path, key];
      const found = findNulCharacter(item, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
