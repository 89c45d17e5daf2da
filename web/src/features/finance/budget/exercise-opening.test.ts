import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ExerciseOpening } from "../../../../../src/finance/contracts/api.ts";
import { emptyOpening, toOpeningBody } from "./exercise-opening.ts";

describe("toOpeningBody: the form « Ouvrir l'exercice suivant » as the API reads it", () => {
  it("an empty form opens N+1, called in N+1, nothing carried over", () => {
    assert.deepEqual(toOpeningBody(2023, emptyOpening()), { from: 2023, calledIn: 2024, carryOver: {} });
  });

  it("amounts typed the French way, a deficit with a minus sign; a recall the year after", () => {
    const body = toOpeningBody(2023, {
      calledIn: "next",
      investissement: "350 000",
      fonctionnement: "−3 000,50",
    });
    assert.deepEqual(body, {
      from: 2023,
      calledIn: 2025,
      carryOver: { investissement: "350000.00", fonctionnement: "-3000.50" },
    });
    assert.ok(ExerciseOpening.safeParse(body).success);
  });

  it("a text that is no amount reaches the contract, which names its field", () => {
    const parsed = ExerciseOpening.safeParse(
      toOpeningBody(2023, { calledIn: "same", investissement: "beaucoup", fonctionnement: "" }),
    );
    assert.equal(parsed.success, false);
    assert.deepEqual(parsed.error?.issues[0]?.path, ["carryOver", "investissement"]);
  });
});
