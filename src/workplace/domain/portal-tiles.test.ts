import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  arrangeTiles,
  foldForSearch,
  matchesSearch,
  type PortalTile,
  searchTextOf,
  togglePin,
} from "./portal-tiles.ts";

const tile = (clientId: string, name: string, kind: PortalTile["kind"], displayOrder: number) => ({
  clientId,
  name,
  description: "",
  url: `https://${clientId}.test/`,
  kind,
  maturity: "stable" as const,
  logoUrl: null,
  pinned: false,
  displayOrder,
});

describe("portal search", () => {
  const text = searchTextOf({ name: "Visioconférence", description: "Réunions à distance" }, "Vidéo");
  const cases: [string, boolean][] = [
    ["", true],
    ["VISIOCONFERENCE", true],
    ["réunion", true],
    ["reunions distance", true],
    ["  video ", true],
    ["tableur", false],
    ["visio tableur", false],
  ];
  for (const [query, match] of cases) {
    it(`« ${query} » ${match ? "matches" : "does not match"}`, () =>
      assert.equal(matchesSearch(text, query), match));
  }
  it("folds case, accents and spaces", () => assert.equal(foldForSearch("  Élus  ÇA  va "), "elus ca va"));
});

describe("arrangeTiles and togglePin", () => {
  const tiles = [
    tile("b", "Bureautique", "office", 1),
    tile("v", "Visio", "video", 2),
    tile("c", "Chat", "chat", 0),
    tile("w", "Webinaire", "video", 1),
  ];
  it("groups by kind in the catalogue's kind order, each kind in display order", () => {
    const { groups } = arrangeTiles(tiles, []);
    assert.deepEqual(
      groups.map((g) => [g.kind, g.tiles.map((t) => t.clientId)]),
      [
        ["video", ["w", "v"]],
        ["chat", ["c"]],
        ["office", ["b"]],
      ],
    );
  });
  it("puts the favourites in pin order, ignoring pins of services no longer there", () => {
    assert.deepEqual(
      arrangeTiles(tiles, ["v", "gone", "c"]).favourites.map((t) => t.clientId),
      ["v", "c"],
    );
  });
  it("pins last and unpins in place", () => {
    assert.deepEqual(togglePin(["a", "b"], "c", true), ["a", "b", "c"]);
    assert.deepEqual(togglePin(["a", "b", "c"], "a", true), ["b", "c", "a"]);
    assert.deepEqual(togglePin(["a", "b", "c"], "b", false), ["a", "c"]);
  });
});
