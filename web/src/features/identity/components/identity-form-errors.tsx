import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/api-error.ts";
import type { FieldProblem } from "../../../shared/api/problem.ts";
import { STALE_VERSION } from "../../../shared/api/problem.ts";
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
 * Codes whose message names the wrong field between « » (catalog of src/domain/errors.ts,
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

/** The summary's problems and each input's message, for one form. */
export function useFormProblems(error: ApiError | undefined, fields: readonly FormField[]) {
  const { t } = useTranslation();
  const problems = formProblems(error, fields, (label, line) => t("identity.form.line", { label, line }));
  return {
    problems,
    /** The message to show next to the input `id`, if any. */
    of: (id: string) => messageOf(problems, id),
    /** The messages of a group of checkboxes whose first box is `id`. */
    all: (id: string) => messagesOf(problems, id),
  };
}

/**
 * The summary of a failed submission, at the top of the form: what went wrong, the code support
 * can quote, and each problem as a link to its input (following it puts the focus in the input).
 * Each new error moves the focus to the summary, so that a keyboard or screen reader user hears it
 * rather than staying on the button (or falling to <body> when the button is disabled meanwhile).
 */
export function FormErrorSummary({
  error,
  problems,
}: {
  error: ApiError | undefined;
  problems: readonly FormProblem[];
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error !== undefined) box.current?.focus();
  }, [error]);
  if (error === undefined) return null;
  const stale = error.code === STALE_VERSION;
  const listed = problems.length > 0;
  const code = error.code;
  return (
    <div ref={box} role="alert" tabIndex={-1} className="alert alert--error error-summary">
      <p className="alert__title">
        {stale ? t("errors.staleTitle") : (error.problem.title ?? t("errors.title"))}
      </p>
      <p>{stale ? t("errors.stale") : listed ? t("errors.checkFields") : describe(error, t)}</p>
      {listed && (
        <ul>
          {problems.map((p, i) => (
            // a problem may come twice from two lines with the same text: the index keeps keys unique
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole on each error
            <li key={i}>
              {p.field === undefined ? (
                p.message
              ) : (
                <a
                  href={`#${p.field.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    const input = document.getElementById(p.field?.id ?? "");
                    input?.focus();
                    input?.scrollIntoView({ block: "center" });
                  }}
                >
                  {p.message.includes(p.field.label)
                    ? p.message
                    : t("identity.form.problemOf", { label: p.field.label, message: p.message })}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {code !== undefined && !code.startsWith("client.") && (
        <p className="error-summary__code">
          {t("identity.form.code")} <code>{code}</code>
        </p>
      )}
    </div>
  );
}

function describe(error: ApiError, t: ReturnType<typeof useTranslation>["t"]): string {
  if (error.code === "client.network") return t("errors.network");
  if (error.status === 403) return error.problem.detail ?? t("errors.forbidden");
  if (error.status === 404) return error.problem.detail ?? t("errors.notFound");
  return error.problem.detail ?? t("errors.unknown", { status: error.status });
}
