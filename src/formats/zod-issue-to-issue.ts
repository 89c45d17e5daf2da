import { z } from "zod";
import type { Issue } from "../domain/errors.ts";

const TYPE_NAMES: Record<string, string> = {
  string: "texte / text",
  number: "nombre / number",
  boolean: "booléen / boolean",
  array: "liste / list",
  object: "objet (clé: valeur) / mapping",
  null: "vide / empty",
  undefined: "absent / missing",
};

function typeName(value: unknown): string {
  if (value === null) return TYPE_NAMES.null ?? "null";
  if (Array.isArray(value)) return TYPE_NAMES.array ?? "array";
  return TYPE_NAMES[typeof value] ?? typeof value;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** Walks a zod schema along a data path and returns the object keys allowed there. */
function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const unwrap = (s: z.ZodType): z.ZodType => {
    let current: z.ZodType = s;
    for (let i = 0; i < 10; i++) {
      if (
        current instanceof z.ZodOptional ||
        current instanceof z.ZodDefault ||
        current instanceof z.ZodNullable
      )
        current = current.unwrap() as z.ZodType;
      else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
      else break;
    }
    return current;
  };
  let current = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject) current = unwrap(current.shape[String(segment)] as z.ZodType);
    else if (current instanceof z.ZodArray) current = unwrap(current.element as z.ZodType);
    else if (current instanceof z.ZodRecord) current = unwrap(current.valueType as z.ZodType);
    else return [];
    if (current === undefined) return [];
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/**
 * Turns zod's issues into Entente issues with a French-first explanation of what was expected.
 * `unrecognized_keys` becomes one `file.unknown_field` per key, listing the allowed fields.
 */
export function zodIssuesToIssues(schema: z.ZodType, error: z.ZodError, data: unknown): Issue[] {
  return error.issues.flatMap((issue): Issue[] => {
    const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
    const field = path.length > 0 ? String(path[path.length - 1]) : "(racine / root)";
    const invalid = (expected: string): Issue[] => [
      { code: "file.invalid_field", path, details: { field, expected } },
    ];
    switch (issue.code) {
      case "unrecognized_keys":
        return issue.keys.map((key) => ({
          code: "file.unknown_field" as const,
          path: [...path, key],
          details: { field: key, allowed: allowedKeysAt(schema, issue.path).join(", ") },
        }));
      case "invalid_type": {
        const received = valueAt(data, issue.path);
        if (received === undefined)
          return invalid(
            `champ obligatoire manquant (${TYPE_NAMES[issue.expected] ?? issue.expected} attendu) / required field missing`,
          );
        return invalid(
          `${TYPE_NAMES[issue.expected] ?? issue.expected} attendu, reçu ${typeName(received)} / expected ${issue.expected}`,
        );
      }
      case "invalid_value":
        if (valueAt(data, issue.path) === undefined) {
          return invalid(
            `champ obligatoire manquant : une valeur parmi ${issue.values.map((v) => String(v)).join(", ")} / required field missing`,
          );
        }
        return invalid(
          `une valeur parmi ${issue.values.map((v) => String(v)).join(", ")} attendue, reçu « ${String(valueAt(data, issue.path))} »`,
        );
      case "too_small":
        if (issue.origin === "array")
          return invalid(
            `au moins ${String(issue.minimum)} élément(s) attendu(s) / at least ${String(issue.minimum)} item(s) expected`,
          );
        if (issue.origin === "string") return invalid("texte non vide attendu / non-empty text expected");
        return invalid(
          `valeur ≥ ${String(issue.minimum)} attendue / value ≥ ${String(issue.minimum)} expected`,
        );
      case "too_big":
        return invalid(
          `valeur ≤ ${String(issue.maximum)} attendue / value ≤ ${String(issue.maximum)} expected`,
        );
      case "invalid_union":
        return invalid(
          `nombre ou texte décimal attendu, reçu ${typeName(valueAt(data, issue.path))} / expected a number`,
        );
      default:
        return invalid(issue.message);
    }
  });
}
