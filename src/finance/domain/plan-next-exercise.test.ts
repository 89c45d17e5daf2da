import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type CarriedLine, planNextExercise } from "./plan-next-exercise.ts";

const line = (over: Partial<CarriedLine>): CarriedLine => ({
  missionId: null,
  label: "Chef de projet",
  section: "fonctionnement",
  direction: "expense",
  receiptKind: null,
  amountCents: 140_000_00n,
  nature: null,
  ...over,
});

const LINES_2023: CarriedLine[] = [
  line({}),
  line({
    missionId: "hebergement",
    label: "Virtualisation",
    section: "investissement",
    amountCents: 195_000_00n,
  }),
  line({ label: "Report 2022", section: "investissement", direction: "receipt", receiptKind: "carry-over" }),
  line({ label: "Déficit reporté", section: "investissement", nature: "001" }),
  line({
    label: "Contribution",
    direction: "receipt",
    receiptKind: "contribution",
    amountCents: 544_176_00n,
  }),
];

describe("planNextExercise: exercise N+1 opens from N", () => {
  it("carries N's lines over, without N's own carry-over, called in N+1 by default", () => {
    const plan = planNextExercise({ year: 2023, lines: LINES_2023 }, [2022, 2023]);
    assert.equal(plan.year, 2024);
    assert.equal(plan.calledIn, 2024);
    assert.deepEqual(
      plan.lines.map((l) => l.label),
      ["Chef de projet", "Virtualisation", "Contribution"],
    );
  });

  it("carries N's result over per section: a surplus as a receipt (002), a deficit as an expense (001)", () => {
    const plan = planNextExercise({ year: 2023, lines: [] }, [2023], {
      carryOver: { fonctionnement: 12_345_67n, investissement: -5_000_00n },
    });
    assert.deepEqual(
      plan.lines.map((l) => [l.section, l.direction, l.receiptKind, l.amountCents, l.nature]),
      [
        ["investissement", "expense", null, 5_000_00n, "001"],
        ["fonctionnement", "receipt", "carry-over", 12_345_67n, "002"],
      ],
    );
    assert.match(plan.lines[1]?.label ?? "", /Report de l'exercice 2023/);
  });

  it("a zero result adds no line", () => {
    const plan = planNextExercise({ year: 2023, lines: [] }, [2023], { carryOver: { fonctionnement: 0n } });
    assert.deepEqual(plan.lines, []);
  });

  it("may be called the year after, as a recall (the seed's 2022, called in 2023)", () => {
    assert.equal(planNextExercise({ year: 2021, lines: [] }, [2021], { calledIn: 2023 }).calledIn, 2023);
  });

  for (const calledIn of [2023, 2026]) {
    it(`refuses a call year ${calledIn} for 2024 (exercise.called_in_invalid, at calledIn)`, () => {
      assert.throws(() => planNextExercise({ year: 2023, lines: [] }, [2023], { calledIn }), {
        code: "exercise.called_in_invalid",
        path: ["calledIn"],
      });
    });
  }

  it("refuses to open an exercise that exists (exercise.already_exists)", () => {
    assert.throws(() => planNextExercise({ year: 2023, lines: [] }, [2023, 2024]), {
      code: "exercise.already_exists",
    });
  });

  it("never changes N's lines", () => {
    const before = structuredClone(LINES_2023);
    planNextExercise({ year: 2023, lines: LINES_2023 }, [2023], { carryOver: { fonctionnement: 1n } });
    assert.deepEqual(LINES_2023, before);
  });
});
