import { ScimError as ScimPatchLibraryError, type ScimPatchOperation, scimPatch } from "scim-patch";
import { badRequest, ScimProtocolError } from "./scim-error.ts";
import { findAttribute, PATCH_SCHEMA, type ResourceType } from "./scim-schemas.ts";

/** One PATCH operation (RFC 7644 §3.5.2), `op` lowercased. */
export interface PatchOperation {
  readonly op: "add" | "remove" | "replace";
  readonly path?: string;
  readonly value?: unknown;
}

/**
 * Reads a PatchOp body (RFC 7644 §3.5.2): `schemas` must name the PatchOp message and
 * `Operations` list at least one operation. Capitalised operations (`"Replace"`, Microsoft Entra
 * ID) are accepted (the RFC's `op` values are compared case-insensitively by every major server).
 * @throws ScimProtocolError 400 `invalidSyntax` naming the operation and what is expected;
 *   400 `mutability` for a path that names a read-only attribute (`id`, `meta`, `groups`).
 */
export function readPatchRequest(type: ResourceType, body: unknown): PatchOperation[] {
  const request = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const schemas = request.schemas;
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_SCHEMA))
    throw badRequest("invalidSyntax", `a PATCH body must have "schemas": ["${PATCH_SCHEMA}"].`);
  const operations = request.Operations ?? request.operations;
  if (!Array.isArray(operations) || operations.length === 0)
    throw badRequest(
      "invalidSyntax",
      'a PATCH body must have "Operations": a list of at least one operation.',
    );
  return operations.map((operation, index) => readOperation(type, operation, index));
}

function readOperation(type: ResourceType, raw: unknown, index: number): PatchOperation {
  const operation = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const op = typeof operation.op === "string" ? operation.op.toLowerCase() : "";
  if (op !== "add" && op !== "remove" && op !== "replace")
    throw badRequest(
      "invalidSyntax",
      `Operations[${index}].op must be add, remove or replace, not ${JSON.stringify(operation.op)}.`,
    );
  const path = operation.path;
  if (path !== undefined && (typeof path !== "string" || path.trim() === ""))
    throw badRequest("invalidPath", `Operations[${index}].path must be a non-empty string.`);
  if (op === "remove" && path === undefined)
    throw badRequest("noTarget", `Operations[${index}]: a remove needs a "path" (RFC 7644 §3.5.2.2).`);
  if (op !== "remove" && operation.value === undefined)
    throw badRequest("invalidValue", `Operations[${index}]: an ${op} needs a "value".`);
  if (typeof path === "string") ensureWritable(type, path, index);
  return { op, ...(path === undefined ? {} : { path: path.trim() }), ...operationValue(operation) };
}

const operationValue = (operation: Record<string, unknown>) =>
  operation.value === undefined ? {} : { value: operation.value };

function ensureWritable(type: ResourceType, path: string, index: number): void {
  const attribute = path.replace(/\[.*$/, "").split(".")[0] ?? "";
  const definition = findAttribute(type, attribute.includes(":") ? path.replace(/\[.*$/, "") : attribute);
  if (definition?.mutability === "readOnly")
    throw badRequest(
      "mutability",
      `Operations[${index}]: "${attribute}" is read-only and cannot be changed.`,
    );
}

/**
 * Applies the operations to a copy of `resource` with the `scim-patch` library (value paths such
 * as `members[value eq "…"]` and `emails[type eq "work"].value`, no-path replaces with a value
 * object, `replace` of a list with `[]`). The result still has to go through `coerceResource`:
 * the library keeps a string `"False"` as a string.
 * @throws ScimProtocolError 400 `noTarget` when a filter selects nothing, `invalidPath` or
 *   `invalidValue` for the library's other refusals, with its reason.
 */
export function applyPatch(
  resource: Record<string, unknown>,
  operations: readonly PatchOperation[],
): Record<string, unknown> {
  const document = {
    ...structuredClone(resource),
    meta: { created: new Date(0), lastModified: new Date(0) },
  };
  try {
    const { meta: _meta, ...patched } = scimPatch(document as never, operations as ScimPatchOperation[], {
      mutateDocument: false,
      treatMissingAsAdd: true,
    }) as Record<string, unknown>;
    return patched;
  } catch (error) {
    if (error instanceof ScimProtocolError) throw error;
    if (error instanceof ScimPatchLibraryError) {
      const scimType =
        error.scimCode === "noTarget"
          ? "noTarget"
          : error.scimCode === "invalidValue"
            ? "invalidValue"
            : "invalidPath";
      throw badRequest(scimType, `the PATCH cannot be applied: ${error.message}`, { cause: error });
    }
    throw badRequest(
      "invalidPath",
      `the PATCH cannot be applied: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
