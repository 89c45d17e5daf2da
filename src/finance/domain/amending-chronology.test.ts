import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EntenteError, formatMessage } from "../errors.ts";
import { adoptionDate, assertAfterPreviousAdoption } from "./amending-chronology.ts";

const ratified = (deliberatedOn: string) => ({ status: "ratified", deliberatedOn });

describe("chronology of amending budgets", () => {
  it("a version is adopted on its last deliberation, by a decision every member ratified", () => {
    const decisions = [
      {
        budgetVersionId: "2",
        ratifications: [ratified("2023-06-15"), { status: "pending", deliberatedOn: null }],
      },
      { budgetVersionId: "2", ratifications: [ratified("2023-06-10"), ratified("2023-06-15")] },
      { budgetVersionId: "1", ratifications: [ratified("2022-12-12")] },
    ];
    assert.equal(adoptionDate(decisions, "2"), "2023-06-15");
    assert.equal(adoptionDate(decisions, "3"), null);
  });

  it("a DM's conference before that day is refused at conferenceDate, in words; the day itself is accepted", () => {
    const previous = { label: "Décision modificative n° 1 2023", adoptedOn: "2023-06-01" };
    assert.throws(
      () => assertAfterPreviousAdoption("2023-01-01", previous),
      (e) =>
        e instanceof EntenteError &&
        e.code === "amending.before_previous_adoption" &&
        e.path[0] === "conferenceDate" &&
        /1er janvier 2023.*1er juin 2023/.test(formatMessage(e.code, e.details, "fr")),
    );
    assert.doesNotThrow(() => assertAfterPreviousAdoption("2023-06-01", previous));
    assert.doesNotThrow(() => assertAfterPreviousAdoption("2020-01-01", null));
    assert.doesNotThrow(() => assertAfterPreviousAdoption("2020-01-01", { ...previous, adoptedOn: null }));
  });
});
