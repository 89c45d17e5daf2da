import { ValidationError } from "../errors.ts";
import type { Entente } from "./entente.ts";
import { validateEntente } from "./validate-entente.ts";

// Ententes already checked by validateEntente: the model is immutable, so a check holds for
// the object's lifetime and the reader's validation is not repeated by every computation.
const validEntentes = new WeakSet<Entente>();

/**
 * Throws a ValidationError listing every rule the entente breaks (see validateEntente);
 * remembers ententes found valid.
 */
export function assertValidEntente(entente: Entente): void {
  if (validEntentes.has(entente)) return;
  const issues = validateEntente(entente);
  if (issues.length > 0) throw new ValidationError(issues);
  validEntentes.add(entente);
}
