import { type PeerState, planResync, type Repair } from "./resync-plan.ts";
import type { AccountState } from "./scim-person.ts";

/** What one page of a resync compared and the repairs it found, counted as the console shows them. */
export interface ResyncPage {
  /** The last key compared (the job's cursor after this page); null when nothing was left. */
  readonly cursor: string | null;
  /** Keys to compare in all (persons expected and accounts the tool has, each once). */
  readonly total: number;
  readonly compared: number;
  readonly created: number;
  readonly updated: number;
  readonly disabled: number;
  readonly repairs: readonly Repair[];
}

/**
 * The next page of a full resync: the keys (`sub`) of the persons expected and of the accounts
 * the tool has, sorted by code unit and taken after `cursor`, `size` at most, compared with
 * {@link planResync}. Paging by a sorted key makes a stopped run resume exactly where it stopped:
 * every account is compared once, and the repairs are those of an uninterrupted run.
 * @example
 * nextResyncPage(new Map([["a", ines]]), [], null, 100) // → cursor "a", compared 1, created 1
 */
export function nextResyncPage(
  expected: ReadonlyMap<string, AccountState>,
  peer: readonly PeerState[],
  cursor: string | null,
  size: number,
): ResyncPage {
  const keys = [...new Set([...expected.keys(), ...peer.map((p) => p.sub)])].sort(byCodeUnit);
  const page = keys.filter((k) => cursor === null || byCodeUnit(k, cursor) > 0).slice(0, size);
  const inPage = new Set(page);
  const repairs = planResync(
    new Map([...expected].filter(([sub]) => inPage.has(sub))),
    peer.filter((p) => inPage.has(p.sub)),
  );
  const count = (kind: Repair["kind"]) => repairs.filter((r) => r.kind === kind).length;
  return {
    cursor: page.at(-1) ?? null,
    total: keys.length,
    compared: page.length,
    created: count("created"),
    updated: count("updated"),
    disabled: count("suspended"),
    repairs,
  };
}

/** Code-unit order, the same on every node and locale (PostgreSQL's `COLLATE "C"`). */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
