import { type Filter, parse } from "scim2-parse-filter";
import { badRequest } from "./scim-error.ts";
import { type AttributeDefinition, findAttribute, type ResourceType, splitPath } from "./scim-schemas.ts";

/**
 * SCIM filters (RFC 7644 §3.4.2.2): `eq ne co sw ew gt lt ge le pr`, `and`, `or`, `not`, grouping
 * and value paths (`emails[type eq "work"]`). The library `scim2-parse-filter` parses the text;
 * evaluating is ours because its evaluator compares every string case-sensitively, while RFC 7643
 * §2.3.1 makes a comparison follow the attribute's `caseExact` (false for `userName`, `emails`,
 * `displayName`; true for `id`, `externalId`). Attribute names are case-insensitive (§2.1).
 */
export type ScimFilter = Filter;

/**
 * Parses a filter. @throws ScimProtocolError 400 `invalidFilter` naming the filter, when it is not
 * the grammar of RFC 7644 §3.4.2.2.
 */
export function parseScimFilter(text: string): ScimFilter {
  try {
    return parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw badRequest(
      "invalidFilter",
      `filter "${text}" is not a SCIM filter (${reason}); expected e.g. userName eq "a@b.fr" (RFC 7644 §3.4.2.2).`,
      { cause: error },
    );
  }
}

/** Whether `resource` (its full representation: with id and meta) matches `filter`. */
export function matchesFilter(type: ResourceType, filter: ScimFilter, resource: object): boolean {
  return evaluate(filter, resource, (path) => findAttribute(type, path), type);
}

type DefinitionOf = (path: string) => AttributeDefinition | undefined;

function evaluate(filter: ScimFilter, node: object, definitionOf: DefinitionOf, type: ResourceType): boolean {
  switch (filter.op) {
    case "and":
      return filter.filters.every((f) => evaluate(f, node, definitionOf, type));
    case "or":
      return filter.filters.some((f) => evaluate(f, node, definitionOf, type));
    case "not":
      return !evaluate(filter.filter, node, definitionOf, type);
    case "[]":
      return evaluateValuePath(filter.attrPath, filter.valFilter, node, definitionOf, type);
    case "pr":
      return valuesAt(type, node, filter.attrPath, definitionOf).some(isPresent);
    default: {
      const definition = definitionOf(filter.attrPath);
      const values = valuesAt(type, node, filter.attrPath, definitionOf);
      if (filter.op === "ne") return !values.some((v) => compare("eq", v, filter.compValue, definition));
      return values.some((v) => compare(filter.op as CompareOp, v, filter.compValue, definition));
    }
  }
}

/** `emails[type eq "work" and value co "@x"]`: one element of the attribute matches the whole inner filter. */
function evaluateValuePath(
  attrPath: string,
  inner: ScimFilter,
  node: object,
  definitionOf: DefinitionOf,
  type: ResourceType,
): boolean {
  const elements = rawValuesAt(type, node, attrPath).filter(
    (v): v is object => typeof v === "object" && v !== null,
  );
  const innerDefinition: DefinitionOf = (path) => definitionOf(`${attrPath}.${path}`);
  return elements.some((element) => evaluate(inner, element, innerDefinition, type));
}

/** The values at `path`, multi-valued attributes flattened; a complex multi-valued one gives its `value`s. */
function valuesAt(type: ResourceType, node: object, path: string, definitionOf: DefinitionOf): unknown[] {
  const values = rawValuesAt(type, node, path);
  const definition = definitionOf(path);
  if (definition?.type !== "complex") return values;
  return values.map((v) => (typeof v === "object" && v !== null ? getKey(v, "value") : v));
}

function rawValuesAt(type: ResourceType, node: object, path: string): unknown[] {
  const { schema, names } = splitPath(type, path);
  let current: unknown[] = [schema === null ? node : getKey(node, schema.id)];
  for (const name of names) {
    current = current
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .filter((v): v is object => typeof v === "object" && v !== null)
      .map((v) => getKey(v, name));
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== undefined && v !== null);
}

/** A property by name, case-insensitively (RFC 7643 §2.1). */
export function getKey(node: object, name: string): unknown {
  const record = node as Record<string, unknown>;
  if (name in record) return record[name];
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : record[key];
}

function isPresent(value: unknown): boolean {
  if (typeof value === "string") return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object" && value !== null) return Object.keys(value).length > 0;
  return value !== null && value !== undefined;
}

type CompareOp = "eq" | "co" | "sw" | "ew" | "gt" | "lt" | "ge" | "le";

function compare(
  op: CompareOp,
  value: unknown,
  operand: unknown,
  definition: AttributeDefinition | undefined,
): boolean {
  if (operand === null) return false; // `eq null` means "not present" (§3.4.2.2): handled by pr
  if (definition?.type === "boolean" || typeof value === "boolean") {
    return op === "eq" && toBoolean(value) === toBoolean(operand);
  }
  if (definition?.type === "dateTime")
    return order(op, Date.parse(String(value)), Date.parse(String(operand)));
  if (typeof value === "number" && typeof operand === "number") return order(op, value, operand);
  const fold = (s: unknown) => {
    const text = String(s).normalize("NFC");
    return definition?.caseExact === true ? text : text.toLowerCase();
  };
  const [a, b] = [fold(value), fold(operand)];
  if (op === "co") return a.includes(b);
  if (op === "sw") return a.startsWith(b);
  if (op === "ew") return a.endsWith(b);
  return order(op, a, b);
}

function order<T extends string | number>(op: CompareOp, a: T, b: T): boolean {
  switch (op) {
    case "eq":
      return a === b;
    case "gt":
      return a > b;
    case "lt":
      return a < b;
    case "ge":
      return a >= b;
    case "le":
      return a <= b;
    default:
      return false;
  }
}

const toBoolean = (v: unknown) => (typeof v === "string" ? v.toLowerCase() === "true" : v === true);

/**
 * The `userName`, `externalId` or `id` a filter asks for with one `eq` (what Entra ID and Okta
 * send before creating a User), for the store to look it up by index; null otherwise.
 */
export function singleEquality(
  filter: ScimFilter,
): { attribute: "userName" | "externalId" | "id"; value: string } | null {
  if (filter.op !== "eq" || typeof filter.compValue !== "string") return null;
  const path = filter.attrPath
    .toLowerCase()
    .replace(/^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/, "");
  const attribute = ({ username: "userName", externalid: "externalId", id: "id" } as const)[path];
  return attribute === undefined ? null : { attribute, value: filter.compValue };
}
