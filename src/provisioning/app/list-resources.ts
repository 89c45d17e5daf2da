import { matchesFilter, parseScimFilter, singleEquality } from "../domain/scim-filter.ts";
import { readPage, slicePage } from "../domain/scim-pagination.ts";
import type { ScimDeps, ScimScope } from "./ports.ts";
import { groupResource, type ScimResource, userResource } from "./scim-representation.ts";

/** A query of GET /Users or /Groups (RFC 7644 §3.4.2). */
export interface ListQuery {
  readonly filter?: string | undefined;
  readonly startIndex?: string | undefined;
  readonly count?: string | undefined;
}

/** One page of a list and the number of resources that match (RFC 7644 §3.4.2 ListResponse). */
export interface ListedPage {
  readonly totalResults: number;
  readonly startIndex: number;
  readonly resources: readonly ScimResource[];
}

/**
 * The member's Users matching `filter`, oldest first, one page. A single `userName`, `externalId`
 * or `id` equality (what clients send before a create) is looked up by index; any other filter is
 * evaluated on the member's Users (docs/provisioning.md says so, with its cost).
 * @throws ScimProtocolError 400 `invalidFilter`, `invalidValue` (startIndex, count).
 */
export async function listUsers(
  deps: ScimDeps,
  scope: ScimScope,
  query: ListQuery,
  base: string,
): Promise<ListedPage> {
  const page = readPage(query);
  const filter =
    query.filter === undefined || query.filter.trim() === "" ? null : parseScimFilter(query.filter);
  const equality = filter === null ? null : singleEquality(filter);
  const users =
    equality === null
      ? await deps.store.listUsers(scope)
      : await deps.store.findUsersBy(scope, equality.attribute, equality.value);
  const matching = users
    .map((u) => userResource(u, base))
    .filter((r) => filter === null || matchesFilter("User", filter, r));
  return { totalResults: matching.length, startIndex: page.startIndex, resources: slicePage(matching, page) };
}

/** The member's Groups matching `filter`, one page (a `displayName eq` by index). */
export async function listGroups(
  deps: ScimDeps,
  scope: ScimScope,
  query: ListQuery,
  base: string,
): Promise<ListedPage> {
  const page = readPage(query);
  const filter =
    query.filter === undefined || query.filter.trim() === "" ? null : parseScimFilter(query.filter);
  const byName =
    filter?.op === "eq" &&
    filter.attrPath.toLowerCase() === "displayname" &&
    typeof filter.compValue === "string"
      ? filter.compValue
      : null;
  const groups =
    byName === null
      ? await deps.store.listGroups(scope)
      : await deps.store.findGroupsBy(scope, "displayName", byName);
  const matching = groups
    .map((g) => groupResource(g, base))
    .filter((r) => filter === null || matchesFilter("Group", filter, r));
  return { totalResults: matching.length, startIndex: page.startIndex, resources: slicePage(matching, page) };
}
