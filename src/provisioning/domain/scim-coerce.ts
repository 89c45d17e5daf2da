import { badRequest } from "./scim-error.ts";
import {
  type AttributeDefinition,
  COMMON_ATTRIBUTES,
  type ResourceType,
  type SchemaDefinition,
  schemasOf,
} from "./scim-schemas.ts";

/** A resource's attributes as stored: canonical names, typed values, nothing read-only. */
export type ScimAttributes = Record<string, unknown>;

/**
 * Brings a resource a client sent (POST, PUT, or the result of a PATCH) to the schema, so that
 * what is stored is typed as RFC 7643 says, whatever the client's habits:
 * - attribute names are matched case-insensitively and stored with the schema's spelling (§2.1);
 * - a boolean sent as a string (`"active": "False"`, Microsoft Entra ID) becomes a boolean;
 * - a single value sent for a multi-valued attribute becomes a list of one;
 * - a complex attribute sent as its bare value (`"manager": "id"`, Entra ID) becomes `{ value }`;
 * - an extension attribute sent flat (`"urn:…:enterprise:2.0:User:department": "x"`) is nested;
 * - read-only attributes (`id`, `meta`, `groups`) and attributes no schema defines are ignored
 *   (RFC 7644 §3.3, §3.5.1);
 * - strings are bounded (`maxLengthAt`): userName 256, names 256, others 1 024 characters.
 * @throws ScimProtocolError 400 `invalidValue` naming the attribute and the expected type.
 */
export function coerceResource(type: ResourceType, input: unknown): ScimAttributes {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    throw badRequest("invalidSyntax", `the body must be a JSON object (a SCIM ${type}).`);
  const [core, ...extensions] = schemasOf(type);
  const flat = unflattenExtensions(input as Record<string, unknown>, extensions);
  const output = coerceObject(flat, [...COMMON_ATTRIBUTES, ...core.attributes], "");
  const schemas = [core.id];
  for (const extension of extensions) {
    const nested = findValue(flat, extension.id);
    for (const key of Object.keys(output)) if (key.startsWith("urn:")) delete output[key];
    if (nested === undefined || nested === null) continue;
    if (typeof nested !== "object" || Array.isArray(nested))
      throw badRequest("invalidValue", `"${extension.id}" must be an object of the extension's attributes.`);
    output[extension.id] = coerceObject(
      nested as Record<string, unknown>,
      extension.attributes,
      `${extension.id}:`,
    );
    schemas.push(extension.id);
  }
  output.schemas = schemas;
  return output;
}

function unflattenExtensions(input: Record<string, unknown>, extensions: readonly SchemaDefinition[]) {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const extension = extensions.find((e) => key.toLowerCase().startsWith(`${e.id.toLowerCase()}:`));
    if (extension === undefined) {
      result[key] = value;
      continue;
    }
    const nested = (findValue(result, extension.id) ?? {}) as Record<string, unknown>;
    setPath(nested, key.slice(extension.id.length + 1).split("."), value);
    result[extension.id] = nested;
  }
  return result;
}

function setPath(target: Record<string, unknown>, names: string[], value: unknown): void {
  const [first, ...rest] = names;
  if (first === undefined) return;
  if (rest.length === 0) {
    target[first] = value;
    return;
  }
  const child = (target[first] ?? {}) as Record<string, unknown>;
  setPath(child, rest, value);
  target[first] = child;
}

function findValue(input: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(input).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : input[key];
}

function coerceObject(
  input: Record<string, unknown>,
  definitions: readonly AttributeDefinition[],
  prefix: string,
) {
  const output: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const definition = definitions.find((d) => d.name.toLowerCase() === key.toLowerCase());
    if (definition === undefined) {
      if (prefix === "" && key.startsWith("urn:")) output[key] = value; // an extension, coerced later
      continue;
    }
    if (definition.mutability === "readOnly" || value === undefined) continue;
    if (value === null) continue; // null is "unassigned" (RFC 7643 §2.5)
    output[definition.name] = coerceAttribute(definition, value, `${prefix}${definition.name}`);
  }
  return output;
}

function coerceAttribute(definition: AttributeDefinition, value: unknown, path: string): unknown {
  if (!definition.multiValued) {
    if (Array.isArray(value)) {
      if (value.length === 1) return coerceSingle(definition, value[0], path);
      throw badRequest("invalidValue", `"${path}" takes one value, not a list.`);
    }
    return coerceSingle(definition, value, path);
  }
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v) => v !== null).map((v, i) => coerceSingle(definition, v, `${path}[${i}]`));
}

function coerceSingle(definition: AttributeDefinition, value: unknown, path: string): unknown {
  switch (definition.type) {
    case "boolean":
      return coerceBoolean(value, path);
    case "complex":
      return coerceComplex(definition, value, path);
    case "integer":
    case "decimal":
      if (typeof value === "number") return value;
      throw badRequest("invalidValue", `"${path}" must be a number, not ${JSON.stringify(value)}.`);
    default:
      if (typeof value === "string") return bounded(value, path);
      if (typeof value === "number" || typeof value === "boolean") return String(value);
      throw badRequest("invalidValue", `"${path}" must be a string, not ${JSON.stringify(value)}.`);
  }
}

/** Longest `userName`: an email address is at most 254 characters (RFC 5321 §4.5.3.1.3), with room. */
export const USER_NAME_MAX = 256;
/** Longest name of a person or resource: `name.*`, `displayName`, `nickName`. */
export const NAME_MAX = 256;
/** Longest of every other string attribute. */
export const STRING_MAX = 1024;

const NAME_ATTRIBUTES = new Set(["displayName", "nickName"]);

/** The longest a string attribute may be at `path` (`userName`, `name.givenName`, `emails[0].value`…). */
export function maxLengthAt(path: string): number {
  if (path === "userName") return USER_NAME_MAX;
  if (path.startsWith("name.") || NAME_ATTRIBUTES.has(path)) return NAME_MAX;
  return STRING_MAX;
}

/**
 * The string if within its attribute's limit, counted in characters (code points): what is
 * stored, pushed to connectors and shown is bounded (a 100 000-character givenName is refused).
 * @throws ScimProtocolError 400 `invalidValue` naming the attribute and its limit.
 */
function bounded(value: string, path: string): string {
  const max = maxLengthAt(path);
  if (value.length <= max) return value;
  const length = [...value].length;
  if (length <= max) return value;
  throw badRequest(
    "invalidValue",
    `"${path}" is ${length} characters long: at most ${max} are accepted; shorten it at the source directory.`,
  );
}

function coerceBoolean(value: unknown, path: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === "true";
  throw badRequest("invalidValue", `"${path}" must be true or false, not ${JSON.stringify(value)}.`);
}

function coerceComplex(definition: AttributeDefinition, value: unknown, path: string): unknown {
  const subAttributes = definition.subAttributes ?? [];
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    if (subAttributes.some((s) => s.name === "value") && typeof value !== "object")
      return { value: String(value) };
    throw badRequest(
      "invalidValue",
      `"${path}" must be an object with ${subAttributes.map((s) => s.name).join(", ")}.`,
    );
  }
  return coerceObject(value as Record<string, unknown>, subAttributes, `${path}.`);
}
