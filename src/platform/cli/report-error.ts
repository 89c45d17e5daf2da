import { EntenteFileError } from "../../shared/entente-file-error.ts";
import { EntenteError, formatMessage, type Lang, ValidationError } from "../errors.ts";

/** Exit statuses of the CLI (sysexits-like): 1 bad input, 2 bad usage, 70 internal error. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 70 } as const;

/**
 * Turns an error into what a person reads on standard error, and the exit status. User mistakes
 * get `FILE:LINE:COLUMN: code — field` and the message, never a stack trace; anything else is a
 * bug of Entente and is printed with its stack so it can be reported.
 */
export function describeError(error: unknown, lang: Lang): { text: string; status: number } {
  const prefix = lang === "fr" ? "erreur" : "error";
  if (error instanceof EntenteFileError) {
    const lines = error.issues.map(
      (issue) =>
        `${issue.file}:${issue.line}:${issue.column}: ${prefix} ${issue.code}${issue.field ? ` — ${issue.field}` : ""}\n  ${formatMessage(issue.code, issue.details, lang)}`,
    );
    const summary =
      lang === "fr"
        ? `${error.issues.length} problème(s) dans ${error.file} ; rien n'a été calculé ni écrit.`
        : `${error.issues.length} problem(s) in ${error.file}; nothing was computed or written.`;
    return { text: `${lines.join("\n")}\n${summary}\n`, status: EXIT.input };
  }
  if (error instanceof ValidationError) {
    return {
      text: `${error.issues.map((i) => `${prefix} ${i.code}${i.path.length > 0 ? ` — ${i.path.join(".")}` : ""}: ${formatMessage(i.code, i.details, lang)}`).join("\n")}\n`,
      status: EXIT.input,
    };
  }
  if (error instanceof EntenteError) {
    const status = error.code === "cli.bad_option" ? EXIT.usage : EXIT.input;
    return { text: `${prefix} ${error.code}: ${formatMessage(error.code, error.details, lang)}\n`, status };
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const text =
    lang === "fr"
      ? `erreur interne d'Entente (ce n'est pas votre fichier) ; merci de la signaler avec ce message :\n${detail}\n`
      : `internal error in Entente (not your file); please report it with this message:\n${detail}\n`;
  return { text, status: EXIT.internal };
}
