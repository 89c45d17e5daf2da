import { EntenteError, localized } from "../errors.ts";

/**
 * Optimistic concurrency: an UPDATE … WHERE row_version = expected that touched no row means
 * someone saved first (or the row is gone). Throws `conflict.stale_version` or
 * `resource.not_found`; nothing was written.
 */
export function throwStaleOrMissing(
  what: { fr: string; en: string },
  id: string,
  expected: number,
  actual: number | undefined,
): never {
  if (actual === undefined)
    throw new EntenteError("resource.not_found", { what: localized(what.fr, what.en), id });
  throw new EntenteError("conflict.stale_version", { what: localized(what.fr, what.en), expected, actual });
}
