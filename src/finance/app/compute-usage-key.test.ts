import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Principal } from "../../access/index.ts";
import type { Entente, KeyPeriod } from "../domain/entente.ts";
import { EntenteError } from "../errors.ts";
import { computeUsageKey } from "./compute-usage-key.ts";
import type { FinanceDeps } from "./finance-deps.ts";

const MEMBERS = ["metropole", "ville-lyon"];
const ENTENTE: Entente = {
  name: "Lyon",
  legalBasis: [],
  rounding: { unit: "euro" },
  defaultKey: "socle",
  members: MEMBERS.map((id) => ({ id, name: id, kind: "commune" as const })),
  keys: [
    {
      id: "socle",
      label: "Socle",
      basis: { kind: "weights", shares: MEMBERS.map((member) => ({ member, weight: 1n })) },
    },
    {
      id: "stockage",
      label: "Stockage",
      basis: { kind: "weights", shares: MEMBERS.map((member) => ({ member, weight: 1n })) },
    },
  ],
  missions: [
    {
      id: "stockage",
      name: "Stockage",
      kind: "specifique",
      members: MEMBERS,
      keys: { investissement: "socle", fonctionnement: "stockage" },
    },
  ],
  exercises: [2024, 2025].map((year) => ({
    year,
    calledIn: year,
    lines: [],
    advances: [],
    adjustments: [],
    path: [],
  })),
};

const SECRETARIAT: Principal = {
  accountId: "s",
  email: "s@lyon",
  role: "secretariat",
  ententeId: "lyon",
  memberId: null,
  missionId: null,
};

/** Fakes of the ports (pure unit test): the budget statuses by year, and the periods written. */
function fakeDeps(statuses: Record<number, string>) {
  const written: KeyPeriod[] = [];
  const deps = {
    ententes: { loadEntente: async () => ENTENTE },
    budgets: {
      latest: async (_e: string, year: number) =>
        statuses[year] === undefined ? null : { status: statuses[year] },
      listVersions: async () =>
        Object.entries(statuses).map(([year, status]) => ({ year: Number(year), status })),
    },
    keys: { setPeriod: async (_e: string, _k: string, period: KeyPeriod) => void written.push(period) },
    clock: { now: () => new Date("2026-01-05T08:00:00Z") },
    usage: {
      figures: async (request: { members: readonly string[]; periodStart: string; periodEnd: string }) => ({
        service: "drive",
        serviceName: "Fichiers",
        metric: "seats",
        periodStart: request.periodStart,
        periodEnd: request.periodEnd,
        snapshotAt: "2026-01-05T08:00:00.000Z",
        values: request.members.map((member, i) => ({ member, seats: BigInt(100 * (i + 1)), measured: 0n })),
      }),
    },
  } as unknown as Pick<FinanceDeps, "ententes" | "budgets" | "keys" | "clock" | "usage">;
  return { deps, written };
}

const request = (year: number, freeze: boolean) => ({
  missionId: "stockage",
  section: "fonctionnement" as const,
  year,
  service: "drive",
  metric: "seats",
  freeze,
});

describe("computeUsageKey: frozen figures never move once a year is approved or adopted", () => {
  it("a draft year: the figures are stored as the key's period from the year", async () => {
    const { deps, written } = fakeDeps({ 2024: "adopted", 2025: "draft" });
    const result = await computeUsageKey(deps, SECRETARIAT, "lyon", request(2025, true));
    assert.deepEqual(
      result.shares.map((s) => s.share),
      [
        [1n, 3n],
        [2n, 3n],
      ],
    );
    assert.equal(written.length, 1);
    assert.equal(written[0]?.from, 2025);
    assert.equal(written[0]?.basis.kind, "usage");
  });

  it("an adopted year: refused (budget.figures_frozen), nothing written; showing it is still allowed", async () => {
    const { deps, written } = fakeDeps({ 2024: "adopted", 2025: "adopted" });
    await assert.rejects(
      computeUsageKey(deps, SECRETARIAT, "lyon", request(2025, true)),
      (error: unknown) => error instanceof EntenteError && error.code === "budget.figures_frozen",
    );
    assert.equal(written.length, 0);
    const shown = await computeUsageKey(deps, SECRETARIAT, "lyon", request(2025, false));
    assert.equal(shown.frozen, false);
    assert.equal(written.length, 0);
  });

  it("freezing from 2024 would alter the adopted 2024 (and 2025 after it): refused", async () => {
    const { deps, written } = fakeDeps({ 2024: "adopted", 2025: "draft" });
    await assert.rejects(computeUsageKey(deps, SECRETARIAT, "lyon", request(2024, true)), /2024/);
    assert.equal(written.length, 0);
  });

  it("a reader may show a usage key but not freeze it", async () => {
    const { deps } = fakeDeps({});
    const reader: Principal = { ...SECRETARIAT, role: "reader" };
    await assert.rejects(
      computeUsageKey(deps, reader, "lyon", request(2025, true)),
      (error: unknown) => error instanceof EntenteError && error.code === "access.forbidden",
    );
  });
});
