import { EntenteError, localized } from "../errors.ts";

/**
 * What was found for exercise `year`, which must exist.
 * @throws EntenteError `resource.not_found` (« exercice ») when it is null.
 */
export function requireExercise<T>(found: T | null, year: number): T {
  if (found === null)
    throw new EntenteError("resource.not_found", {
      what: localized("exercice", "exercise"),
      id: String(year),
    });
  return found;
}
