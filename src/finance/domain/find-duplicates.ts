import { type Issue, type Localized, localized } from "../errors.ts";

/**
 * `entente.duplicate_id` for every item whose id was already used, pointing at it and (as
 * `related`) at the first one.
 */
export function findDuplicates<T>(
  items: readonly T[],
  idOf: (item: T) => string | number,
  what: Localized,
  pathOf: (index: number) => (string | number)[],
): Issue[] {
  const seen = new Map<string | number, number>();
  const issues: Issue[] = [];
  items.forEach((item, index) => {
    const id = idOf(item);
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else
      issues.push({
        code: "entente.duplicate_id",
        path: pathOf(index),
        details: {
          id: String(id),
          what,
          first: localized(`à la position ${first + 1}`, `at position ${first + 1}`),
        },
        related: pathOf(first),
      });
  });
  return issues;
}
