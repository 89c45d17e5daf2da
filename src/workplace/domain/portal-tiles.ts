import {
  type CatalogueEntry,
  compareCatalogueEntries,
  SERVICE_KINDS,
  type ServiceKind,
} from "./catalogue-entry.ts";

/**
 * The portal's tiles (issue 11 §3): the services a person may use, by kind in the catalogue's
 * kind order, pinned ones first in pin order, filtered by a search that ignores case and accents.
 */

/** The state of a service as the status probes report it (another part of issue 11 §6); absent: no badge. */
export const SERVICE_STATUSES = ["operational", "degraded", "down", "maintenance", "unknown"] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export interface PortalTile {
  readonly clientId: string;
  readonly name: string;
  readonly description: string;
  readonly url: string;
  readonly kind: ServiceKind;
  readonly maturity: CatalogueEntry["maturity"];
  /** The uploaded logo's address; null: the monogram is drawn. */
  readonly logoUrl: string | null;
  readonly pinned: boolean;
  /** Optional hook for the service status; absent: nothing shown. */
  readonly status?: ServiceStatus;
}

export interface TileGroup {
  readonly kind: ServiceKind;
  readonly tiles: readonly PortalTile[];
}

/**
 * Folds text for searching: NFD, combining marks removed, lower case, whitespace collapsed
 * (« Visioconférence » and « VISIOCONFERENCE » match).
 * @example foldForSearch("  Élus  Réunion ") // "elus reunion"
 */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** What a tile is searched by: its name, description and kind label, folded. */
export function searchTextOf(tile: Pick<PortalTile, "name" | "description">, kindLabel: string): string {
  return foldForSearch(`${tile.name} ${tile.description} ${kindLabel}`);
}

/** Whether every word of `query` appears in `text` (both folded); an empty query matches everything. */
export function matchesSearch(text: string, query: string): boolean {
  const words = foldForSearch(query)
    .split(" ")
    .filter((w) => w !== "");
  return words.every((w) => text.includes(w));
}

/**
 * Orders the tiles: pinned ones (in `pinned` order) as the favourites; then every tile (pinned
 * included) by kind in `SERVICE_KINDS` order, each kind in catalogue order.
 */
export function arrangeTiles(
  tiles: readonly (PortalTile & { readonly displayOrder: number })[],
  pinned: readonly string[],
): { readonly favourites: readonly PortalTile[]; readonly groups: readonly TileGroup[] } {
  const sorted = [...tiles].sort(compareCatalogueEntries);
  const favourites = pinned
    .map((id) => sorted.find((t) => t.clientId === id))
    .filter((t): t is (typeof sorted)[number] => t !== undefined);
  const groups = SERVICE_KINDS.map((kind) => ({ kind, tiles: sorted.filter((t) => t.kind === kind) })).filter(
    (g) => g.tiles.length > 0,
  );
  return { favourites, groups };
}

/** Pins or unpins `clientId` (pinning puts it last; unpinning keeps the others' order). */
export function togglePin(pinned: readonly string[], clientId: string, pin: boolean): string[] {
  const rest = pinned.filter((id) => id !== clientId);
  return pin ? [...rest, clientId] : rest;
}
