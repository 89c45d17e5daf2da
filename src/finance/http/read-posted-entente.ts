import { EntenteFileError } from "../../shared/entente-file-error.ts";
import type { Entente } from "../domain/entente.ts";
import { ValidationError } from "../errors.ts";
import { parseEntenteText } from "../formats/read-entente-file.ts";

/**
 * An entente file posted to the API, read as `entente validate` reads it. Its problems answer
 * 422 with each one's line and field (`ligne 12 › exercises[1].expenses[0].fonctionnement`)
 * instead of the file's own error, which HTTP does not know.
 * @throws ValidationError with every problem of the file.
 */
export function readPostedEntente(text: string): Entente {
  try {
    return parseEntenteText(text, "entente.yaml");
  } catch (error) {
    if (!(error instanceof EntenteFileError)) throw error;
    throw new ValidationError(
      error.issues.map((issue) => ({
        code: issue.code,
        path: [`ligne ${issue.line}`, ...(issue.field === "" ? [] : [issue.field])],
        details: issue.details,
      })),
    );
  }
}
