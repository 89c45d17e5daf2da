import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { EntenteError } from "../errors.ts";
import { parseEntenteText } from "../formats/read-entente-file.ts";
import { renderEntenteFile } from "../formats/to-entente-file.ts";
import { allocateLargestRemainder } from "./allocate-largest-remainder.ts";
import type { Entente, KeyBasis } from "./entente.ts";
import { resolveKeyShares } from "./resolve-key-shares.ts";
import { simulateKeys } from "./simulate-keys.ts";
import { type UsageFigures, usageSource, withoutUsage } from "./usage-figures.ts";
import { usageKeyPeriod, usageKeyTarget } from "./usage-key.ts";

const ORDER = ["metropole", "ville-lyon", "sitiv", "villeurbanne"];

const figures = (metric: string, values: [string, bigint, bigint][]): UsageFigures => ({
  service: "visio",
  serviceName: "Visio",
  metric,
  periodStart: "2025-01-01",
  periodEnd: "2025-12-31",
  snapshotAt: "2026-01-05T08:00:00.000Z",
  values: values.map(([member, seats, measured]) => ({ member, seats, measured })),
});

/** A mission spécifique (visio) with its own key, and the socle key shared by two missions. */
const ENTENTE: Entente = {
  name: "Lyon",
  legalBasis: [],
  rounding: { unit: "euro" },
  defaultKey: "socle",
  members: [
    { id: "metropole", name: "Métropole de Lyon", kind: "metropole" },
    { id: "ville-lyon", name: "Ville de Lyon", kind: "commune" },
    { id: "sitiv", name: "SITIV", kind: "syndicat", to: 2024 },
    { id: "villeurbanne", name: "Villeurbanne", kind: "commune", from: 2025 },
  ],
  keys: [
    {
      id: "socle",
      label: "Socle",
      basis: { kind: "weights", shares: ORDER.slice(0, 2).map((member) => ({ member, weight: 1n })) },
    },
    {
      id: "visio-key",
      label: "Visio",
      basis: { kind: "weights", shares: ORDER.slice(0, 2).map((member) => ({ member, weight: 1n })) },
      periods: [{ from: 2027, basis: { kind: "weights", shares: [{ member: "metropole", weight: 1n }] } }],
    },
  ],
  missions: [
    {
      id: "mail",
      name: "Mail",
      kind: "socle",
      members: ORDER,
      keys: { investissement: "socle", fonctionnement: "socle" },
    },
    {
      id: "visio",
      name: "Visio",
      kind: "specifique",
      members: ORDER,
      keys: { investissement: "socle", fonctionnement: "visio-key" },
    },
  ],
  exercises: [2024, 2025, 2026, 2027].map((year) => ({
    year,
    calledIn: year,
    lines: [
      {
        mission: "visio",
        label: "Visio",
        section: "fonctionnement" as const,
        direction: "expense" as const,
        amount: 100_000_00n,
        path: [],
      },
      {
        mission: "visio",
        label: "Contribution",
        section: "fonctionnement" as const,
        direction: "receipt" as const,
        receiptKind: "contribution" as const,
        amount: 100_000_00n,
        path: [],
      },
    ],
    advances: [],
    adjustments: [],
    path: [],
  })),
};

describe("usage key: exact shares from seats or measured usage", () => {
  it("shares follow seats (3 : 1), in the entente's member order, with the source stated", () => {
    const { period, shares } = usageKeyPeriod(
      "visio-key",
      2025,
      figures("seats", [
        ["ville-lyon", 100n, 100n],
        ["metropole", 300n, 300n],
      ]),
      ORDER,
    );
    assert.deepEqual(
      shares.map((s) => [s.member, s.share]),
      [
        ["metropole", [3n, 4n]],
        ["ville-lyon", [1n, 4n]],
      ],
    );
    assert.equal(period.from, 2025);
    assert.equal(period.basis.kind, "usage");
    assert.equal(
      period.source,
      "usage du service Visio (visio), métrique seats, du 2025-01-01 au 2025-12-31, relevé du 2026-01-05T08:00:00.000Z",
    );
    assert.equal(usageSource(figures("seats", [])), period.source);
  });

  it("a measured metric follows the measure, not the seats; a member with no seats and no usage gets 0", () => {
    const { shares } = usageKeyPeriod(
      "visio-key",
      2025,
      figures("storage_used", [
        ["metropole", 10n, 2_000n],
        ["ville-lyon", 500n, 1_000n],
        ["villeurbanne", 0n, 0n],
      ]),
      ORDER,
    );
    assert.deepEqual(
      shares.map((s) => [s.member, s.weight, s.share]),
      [
        ["metropole", 2_000n, [2n, 3n]],
        ["ville-lyon", 1_000n, [1n, 3n]],
        ["villeurbanne", 0n, [0n, 1n]],
      ],
    );
  });

  it("zero usage everywhere is refused (key.empty), naming the metric and the service", () => {
    assert.throws(
      () =>
        usageKeyPeriod(
          "visio-key",
          2025,
          figures("storage_used", [
            ["metropole", 3n, 0n],
            ["ville-lyon", 1n, 0n],
          ]),
          ORDER,
        ),
      (error: unknown) =>
        error instanceof EntenteError &&
        error.code === "key.empty" &&
        /storage_used.*Visio/.test(error.message),
    );
  });

  it("rounded amounts of thirds sum exactly to the total (largest remainder); as weights the shares are the same", () => {
    const basis = {
      kind: "usage" as const,
      usage: figures("seats", [
        ["metropole", 1n, 1n],
        ["ville-lyon", 1n, 1n],
        ["sitiv", 1n, 1n],
      ]),
    };
    const resolved = resolveKeyShares({ id: "k", label: "k", basis }, ORDER);
    assert.ok(resolved.ok);
    assert.deepEqual(allocateLargestRemainder(100n, resolved.shares), [34n, 33n, 33n]);
    const asWeights = resolveKeyShares({ id: "k", label: "k", basis: withoutUsage(basis) }, ORDER);
    assert.deepEqual(asWeights, resolved);
  });

  it("property: whatever the usage, the rounded shares sum to the amount and none is negative", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 15n }), { minLength: 4, maxLength: 4 }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        (measures, total) => {
          fc.pre(measures.some((m) => m > 0n));
          const usage = figures(
            "storage_used",
            ORDER.map((m, i) => [m, 0n, measures[i] ?? 0n]),
          );
          const resolved = resolveKeyShares({ id: "k", label: "k", basis: { kind: "usage", usage } }, ORDER);
          assert.ok(resolved.ok);
          const amounts = allocateLargestRemainder(total, resolved.shares);
          assert.equal(
            amounts.reduce((a, b) => a + b, 0n),
            total,
          );
          assert.ok(amounts.every((a) => a >= 0n));
        },
      ),
    );
  });
});

describe("usage key: where it goes", () => {
  it("the mission's own key, its members that belong in the year, the years up to the key's next period", () => {
    const target = usageKeyTarget(ENTENTE, "visio", "fonctionnement", 2025);
    assert.deepEqual(target, {
      keyId: "visio-key",
      members: ["metropole", "ville-lyon", "villeurbanne"],
      altered: [2025, 2026],
    });
  });

  it("a key shared with another mission is refused (key.usage_key_shared), naming who else uses it", () => {
    assert.throws(
      () => usageKeyTarget(ENTENTE, "visio", "investissement", 2025),
      (error: unknown) =>
        error instanceof EntenteError &&
        error.code === "key.usage_key_shared" &&
        error.details.users === "mail (investissement), mail (fonctionnement)",
    );
    assert.throws(() => usageKeyTarget(ENTENTE, "nope", "fonctionnement", 2025), /nope/);
  });

  it("the simulator takes a usage basis as an alternative, its column summing to the same contributions", () => {
    const usage = figures("seats", [
      ["metropole", 300n, 0n],
      ["ville-lyon", 100n, 0n],
      ["villeurbanne", 0n, 0n],
    ]);
    const simulation = simulateKeys(ENTENTE, 2025, "visio-key", [
      { label: "Usage", basis: { kind: "usage", usage } },
    ]);
    assert.deepEqual(simulation.totals, [100_000_00n, 100_000_00n]);
    const metropole = simulation.rows.find((r) => r.member === "metropole");
    assert.equal(metropole?.amounts[1], 75_000_00n);
  });
});

describe("usage key: the entente file", () => {
  it("an exported usage period is written as its integer weights, with its source; read back, the same shares", () => {
    const usage = figures("seats", [
      ["metropole", 300n, 0n],
      ["ville-lyon", 100n, 0n],
      ["villeurbanne", 0n, 0n],
    ]);
    const { period } = usageKeyPeriod("visio-key", 2025, usage, ORDER);
    const withUsage: Entente = {
      ...ENTENTE,
      keys: ENTENTE.keys.map((k) => (k.id === "visio-key" ? { ...k, periods: [period] } : k)),
    };
    const text = renderEntenteFile(withUsage, "test");
    assert.match(text, /métrique seats, du 2025-01-01 au 2025-12-31/);
    const back = parseEntenteText(text, "entente.yaml").keys.find((k) => k.id === "visio-key")?.periods?.[0];
    assert.equal(back?.basis.kind, "weights");
    const shares = (basis: KeyBasis) => {
      const r = resolveKeyShares({ id: "k", label: "k", basis }, ORDER);
      return r.ok
        ? r.shares.numerators.map((n, i) => [r.shares.members[i], (n * 4n) / r.shares.denominator])
        : [];
    };
    assert.deepEqual(shares(back?.basis ?? period.basis), shares(period.basis));
  });
});
