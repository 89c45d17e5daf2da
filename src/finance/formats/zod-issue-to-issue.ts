import { z } from "zod";
import { type Issue, type Localized, localized } from "../errors.ts";

const TYPE_NAMES: Record<string, Localized> = {
  string: localized("du texte", "text"),
  number: localized("un nombre", "a number"),
  boolean: localized("un booléen (true/false)", "a boolean (true/false)"),
  array: localized("une liste", "a list"),
  object: localized("un objet (clé: valeur)", "a mapping (key: value)"),
  null: localized("rien (vide)", "nothing (empty)"),
  undefined: localized("rien", "nothing"),
};

const unknownType = (name: string) => localized(name, name);

function typeName(value: unknown): Localized {
  if (value === null) return TYPE_NAMES.null ?? unknownType("null");
  if (Array.isArray(value)) return TYPE_NAMES.array ?? unknownType("array");
  return TYPE_NAMES[typeof value] ?? unknownType(typeof value);
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

type ZodIssue = z.ZodError["issues"][number];
type Path = (string | number)[];

/** What an explanation of one zod issue knows: the issue, where, and the value found there. */
interface IssueContext<I extends ZodIssue = ZodIssue> {
  readonly issue: I;
  readonly path: Path;
  readonly received: unknown;
  readonly schema: z.ZodType;
  /** `file.invalid_field` at the issue's field, saying what was expected. */
  readonly invalid: (expected: Localized) => Issue[];
}

type Explain<C extends ZodIssue["code"]> = (context: IssueContext<Extract<ZodIssue, { code: C }>>) => Issue[];

/** `unrecognized_keys`: one `file.unknown_field` per key, listing the fields allowed there. */
const unknownFields: Explain<"unrecognized_keys"> = ({ issue, path, schema }) =>
  issue.keys.map((key) => ({
    code: "file.unknown_field" as const,
    path: [...path, key],
    details: { field: key, allowed: allowedKeysAt(schema, issue.path).join(", ") },
  }));

/** A value of the wrong type: the whole file, a missing field, or a field of another type. */
const wrongType: Explain<"invalid_type"> = ({ issue, path, received, invalid }) => {
  const expected = TYPE_NAMES[issue.expected] ?? unknownType(issue.expected);
  if (path.length === 0) {
    return invalid(
      localized(
        `le fichier doit contenir ${expected.fr} ; il contient ${typeName(received).fr}. Partez d'un exemple (examples/)`,
        `the file must hold ${expected.en}; it holds ${typeName(received).en}. Start from an example (examples/)`,
      ),
    );
  }
  if (received === undefined)
    return invalid(
      localized(
        `champ obligatoire manquant (${expected.fr} attendu)`,
        `required field missing (${expected.en} expected)`,
      ),
    );
  return invalid(
    localized(
      `${expected.fr} attendu, reçu ${typeName(received).fr}`,
      `expected ${expected.en}, got ${typeName(received).en}`,
    ),
  );
};

/** A value outside an enumeration (or missing): the values allowed. */
const notAllowedValue: Explain<"invalid_value"> = ({ issue, received, invalid }) => {
  const values = issue.values.map((v) => String(v)).join(", ");
  if (received === undefined)
    return invalid(
      localized(
        `champ obligatoire manquant : une valeur parmi ${values}`,
        `required field missing: one of ${values}`,
      ),
    );
  return invalid(
    localized(
      `une valeur parmi ${values} attendue, reçu « ${String(received)} »`,
      `expected one of ${values}, got "${String(received)}"`,
    ),
  );
};

/** A list, a text or a number below its minimum. */
const tooSmall: Explain<"too_small"> = ({ issue, invalid }) => {
  if (issue.origin === "array")
    return invalid(
      localized(
        `au moins ${String(issue.minimum)} élément(s) attendu(s)`,
        `at least ${String(issue.minimum)} item(s) expected`,
      ),
    );
  if (issue.origin === "string")
    return invalid(localized("texte non vide attendu", "non-empty text expected"));
  return invalid(
    localized(`valeur ≥ ${String(issue.minimum)} attendue`, `value ≥ ${String(issue.minimum)} expected`),
  );
};

/** A text, a list or a number above its maximum (limits.ts): the limit is in the message. */
const tooBig: Explain<"too_big"> = ({ issue, received, invalid }) => {
  const max = String(issue.maximum);
  if (issue.origin === "string")
    return invalid(
      localized(
        `${max} caractères au plus, reçu ${String(received).length} : raccourcissez le texte`,
        `at most ${max} characters, got ${String(received).length}: shorten the text`,
      ),
    );
  if (issue.origin === "array")
    return invalid(
      localized(
        `${max} éléments au plus, reçu ${Array.isArray(received) ? received.length : "?"}`,
        `at most ${max} items, got ${Array.isArray(received) ? received.length : "?"}`,
      ),
    );
  return invalid(localized(`valeur ≤ ${max} attendue`, `value ≤ ${max} expected`));
};

/** The file's unions are number-or-decimal-text. */
const notNumberOrText: Explain<"invalid_union"> = ({ received, invalid }) =>
  invalid(
    localized(
      `nombre ou texte décimal attendu, reçu ${typeName(received).fr}`,
      `expected a number or decimal text, got ${typeName(received).en}`,
    ),
  );

/** Custom messages of the schema (formats of ids, SIREN, dates…) are written in French. */
const schemaMessage = ({ issue, invalid }: IssueContext): Issue[] =>
  invalid(localized(issue.message, issue.message));

/** One explanation per kind of zod issue; the others show the schema's own message. */
const EXPLAIN: { readonly [C in ZodIssue["code"]]?: Explain<C> } = {
  unrecognized_keys: unknownFields,
  invalid_type: wrongType,
  invalid_value: notAllowedValue,
  too_small: tooSmall,
  too_big: tooBig,
  invalid_union: notNumberOrText,
};

/**
 * Turns zod's issues into Entente issues with a French-first explanation of what was expected.
 * `unrecognized_keys` becomes one `file.unknown_field` per key, listing the allowed fields.
 */
export function zodIssuesToIssues(schema: z.ZodType, error: z.ZodError, data: unknown): Issue[] {
  return error.issues.flatMap((issue): Issue[] => {
    const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
    const field = path.length > 0 ? String(path[path.length - 1]) : "";
    const context: IssueContext = {
      issue,
      path,
      received: valueAt(data, issue.path),
      schema,
      invalid: (expected) => [{ code: "file.invalid_field", path, details: { field, expected } }],
    };
    // The table is indexed by the issue's own code, so its explanation takes this issue; TypeScript
    // cannot relate the two through the union, hence the cast.
    const explain = EXPLAIN[issue.code] as ((context: IssueContext) => Issue[]) | undefined;
    return (explain ?? schemaMessage)(context);
  });
}
