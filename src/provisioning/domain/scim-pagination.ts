import { badRequest } from "./scim-error.ts";

/** The page a client asks for (RFC 7644 §3.4.2.4): 1-based `startIndex`, `count` items at most. */
export interface Page {
  readonly startIndex: number;
  readonly count: number;
}

/** Items per page when the client gives no `count`, and the most one page holds (`filter.maxResults`). */
export const DEFAULT_COUNT = 100;
export const MAX_COUNT = 1000;

/**
 * Reads `startIndex` and `count`: a `startIndex` below 1 is 1 and a negative `count` is 0 (RFC 7644
 * §3.4.2.4 says to interpret them so); a `count` above `MAX_COUNT` is `MAX_COUNT`.
 * @throws ScimProtocolError 400 `invalidValue` when one is not an integer.
 */
export function readPage(query: {
  readonly startIndex?: string | undefined;
  readonly count?: string | undefined;
}): Page {
  const startIndex = integer("startIndex", query.startIndex, 1);
  const count = integer("count", query.count, DEFAULT_COUNT);
  return { startIndex: Math.max(1, startIndex), count: Math.min(MAX_COUNT, Math.max(0, count)) };
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  if (!/^-?\d+$/.test(value)) throw badRequest("invalidValue", `${name} must be an integer, not "${value}".`);
  return Number(value);
}

/** The items of `page` from the whole (already filtered and sorted) list. */
export function slicePage<T>(items: readonly T[], page: Page): T[] {
  return items.slice(page.startIndex - 1, page.startIndex - 1 + page.count);
}
