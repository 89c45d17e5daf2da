import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UsageKeyRequest } from "../../../../../src/finance/contracts/usage-key-api.ts";
import { frozenUsageKeys, specificMissions, toUsageKeyBody } from "./usage-key-draft.ts";

const mission = (
  id: string,
  kind: "socle" | "specifique",
  investissement: string,
  fonctionnement: string,
) => ({
  id,
  name: id,
  kind,
  description: null,
  leadMemberId: null,
  memberIds: [],
  keys: { investissement, fonctionnement },
  plan: null,
  rowVersion: 1,
});
const period = (from: number | null, basis: "percent" | "usage") => ({
  from,
  basis,
  source: basis === "usage" ? "Fichiers, comptes, 2023" : null,
  shares: [{ memberId: "metropole", value: "75", percent: "75" }],
});
const key = (id: string, periods: ReturnType<typeof period>[]) => ({
  id,
  label: `Clé ${id}`,
  source: null,
  basis: "weights" as const,
  shares: [],
  rowVersion: 1,
  periods,
});

describe("the usage key page's figures", () => {
  const entente = {
    missions: [
      mission("numerique", "socle", "socle", "socle"),
      mission("stockage", "specifique", "stockage-investissement", "stockage"),
    ],
    keys: [
      key("socle", [period(null, "percent"), period(2024, "usage")]),
      key("stockage", [period(null, "percent"), period(2023, "usage"), period(2025, "percent")]),
    ],
  };

  it("offers the missions spécifiques only, and lists their frozen usage periods (not a socle key's)", () => {
    assert.deepEqual(
      specificMissions(entente).map((m) => m.id),
      ["stockage"],
    );
    assert.deepEqual(
      frozenUsageKeys(entente).map((f) => [f.missionId, f.section, f.keyLabel, f.period.from]),
      [["stockage", "fonctionnement", "Clé stockage", 2023]],
    );
  });

  it("sends seats or the metric typed, the year as a number; a year that is none is refused by the contract", () => {
    const draft = {
      missionId: "stockage",
      section: "fonctionnement" as const,
      year: "2023",
      service: "drive",
      counted: "measured" as const,
      metric: " storage_used ",
    };
    const body = toUsageKeyBody(draft, true);
    assert.deepEqual(body, {
      missionId: "stockage",
      section: "fonctionnement",
      year: 2023,
      service: "drive",
      metric: "storage_used",
      freeze: true,
    });
    assert.ok(UsageKeyRequest.safeParse(body).success);
    assert.equal(toUsageKeyBody({ ...draft, counted: "seats" }, false).metric, "seats");
    assert.ok(!UsageKeyRequest.safeParse(toUsageKeyBody({ ...draft, year: "l'an prochain" }, false)).success);
  });
});
