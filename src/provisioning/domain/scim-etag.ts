/**
 * ETags of SCIM resources (RFC 7644 §3.14): weak, from the resource's version, which every write
 * increments. `If-Match` with another value → 412; `If-None-Match` with the current one → 304.
 */
export const etagOf = (version: number) => `W/"${version}"`;

/**
 * Whether an `If-Match` header allows a write on a resource at `version`: absent or `*` allows it;
 * otherwise one of its comma-separated tags must be the resource's (weak comparison, RFC 9110 §8.8.3.2).
 */
export function ifMatchAllows(header: string | undefined, version: number): boolean {
  if (header === undefined || header.trim() === "*") return true;
  return listTags(header).includes(String(version));
}

/** Whether an `If-None-Match` header names the resource's current version (the GET answers 304). */
export function ifNoneMatchHits(header: string | undefined, version: number): boolean {
  if (header === undefined) return false;
  return header.trim() === "*" || listTags(header).includes(String(version));
}

const listTags = (header: string) =>
  header.split(",").map((t) => t.trim().replace(/^W\//, "").replace(/^"|"$/g, ""));
