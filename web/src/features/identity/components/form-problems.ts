import type { ApiError } from "../../../shared/api/api-error.ts";
import type { FieldProblem } from "../../../shared/api/problem.ts";
import { normaliseField } from "../../../shared/hooks/use-submit.ts";

/**
 * One input of a form: its element id (the summary links to it), its label as the person reads
 * it, and the path of the API body it fills ("redirectUris", "policy.roles", "ldap.url"); a
 * problem at that path or under it ("redirectUris.1") belongs to this input.
 */
export type FormField = { id: string; label: string; path: string };

/** A problem of a submission, tied to the input it concerns when there is one on screen. */
export type FormProblem = { field: FormField | undefined; line: number | undefined; message: string };

/**
 * Codes whose message names the wrong field between « » (catalog of src/identity/errors.ts,
 * `identity.client_invalid`: « service « policy.roles » : … »). The server sends those without
 * `errors[]`; the field is read from the message so that it is still shown next to its input.
 */
const NAMED_FIELD_CODES = new Set(["identity.client_invalid", "identity.source_invalid"]);
const NAMED_FIELD = /«\s*([\w.[\]]+)\s*»|"([\w.[\]]+)"/u;

function fieldAt(path: string, fields: readonly FormField[]): FormField | undefined {
  let best: FormField | undefined;
  for (const f of fields) {
    if ((path === f.path || path.startsWith(`${f.path}.`)) && f.path.length > (best?.path.length ?? -1)) {
      best = f;
    }
  }
  return best;
}

/** The raw problems of an error: its `errors[]`, or the field its message names (see NAMED_FIELD_CODES). */
function rawProblems(error: ApiError): FieldProblem[] {
  if (error.fields.length > 0) return error.fields;
  if (!NAMED_FIELD_CODES.has(error.code ?? "")) return [];
  const detail = error.problem.detail ?? "";
  const named = NAMED_FIELD.exec(detail);
  const field = named?.[1] ?? named?.[2];
  return field === undefined ? [] : [{ field, message: detail }];
}

/**
 * The problems of `error`, each tied to its input among `fields`, the technical path in its
 * message replaced by the input's label (« redirectUris[1] » → « Adresses de retour, ligne 2 »).
 */
export function formProblems(
  error: ApiError | undefined,
  fields: readonly FormField[],
  lineLabel: (label: string, line: number) => string,
): FormProblem[] {
  if (error === undefined) return [];
  return rawProblems(error).map((p) => {
    const path = normaliseField(p.field);
    const field = fieldAt(path, fields);
    if (field === undefined) return { field, line: undefined, message: p.message };
    const index = /^\.(\d+)/.exec(path.slice(field.path.length))?.[1];
    const line = index === undefined ? undefined : Number(index) + 1;
    const label = line === undefined ? field.label : lineLabel(field.label, line);
    return { field, line, message: relabel(p.message, [p.field, `body.${path}`, path], label) };
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `message` with the technical name of a field, where it stands as a name (« x », "x", "x :"), replaced by `label`. */
function relabel(message: string, names: readonly string[], label: string): string {
  let text = message;
  for (const name of new Set(names.filter((n) => n !== ""))) {
    text = text.replace(new RegExp(`(^|«\\s*|")${escapeRegExp(name)}(?=\\s*»|"|\\s*:)`, "gu"), `$1${label}`);
  }
  return text;
}

/** The messages about the input `id` (for a group of checkboxes: FieldErrorList). */
export function messagesOf(problems: readonly FormProblem[], id: string): string[] {
  return problems.filter((p) => p.field?.id === id).map((p) => p.message);
}

/** The messages about the input `id`, one after the other, or undefined (for the field's `error`). */
export function messageOf(problems: readonly FormProblem[], id: string): string | undefined {
  const messages = messagesOf(problems, id);
  return messages.length === 0 ? undefined : messages.join(" ");
}
