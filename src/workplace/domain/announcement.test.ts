import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatMessage } from "../../shared/errors.ts";
import { EntenteError, ValidationError } from "../errors.ts";
import { type AnnouncementFields, isShownTo, validateAnnouncement } from "./announcement.ts";

const draft = (overrides: Partial<AnnouncementFields> = {}): AnnouncementFields => ({
  title: "  Coupure de la visio  ",
  body: "Samedi de 8 h à 12 h.",
  shownFrom: "2026-01-10",
  shownUntil: "2026-01-31",
  memberIds: null,
  roles: null,
  groups: null,
  requiresAck: false,
  ...overrides,
});
const MEMBERS = ["metropole", "ville-lyon", "sitiv"];
const fieldsOf = (error: unknown) => (error as ValidationError).issues.map((i) => i.path[0]).sort();

describe("validateAnnouncement", () => {
  it("trims the title and keeps a secretariat's targets", () => {
    const fields = validateAnnouncement(draft({ memberIds: ["ville-lyon", "ville-lyon"] }), MEMBERS, null);
    assert.equal(fields.title, "Coupure de la visio");
    assert.deepEqual(fields.memberIds, ["ville-lyon"]);
  });
  const refused: [string, Partial<AnnouncementFields>, string[]][] = [
    ["an empty title", { title: "   " }, ["title"]],
    ["a body too long", { body: "x".repeat(4001) }, ["body"]],
    ["a day that does not exist", { shownFrom: "2026-02-30" }, ["shownFrom"]],
    ["an end before the start", { shownUntil: "2026-01-09" }, ["shownUntil"]],
    ["an unknown member", { memberIds: ["lyon-9"] }, ["memberIds"]],
    ["an empty member list", { memberIds: [] }, ["memberIds"]],
    ["an unknown role", { roles: ["maire"] }, ["roles"]],
    ["an empty group", { groups: [" "] }, ["groups"]],
    [
      "everything at once",
      { title: "", shownUntil: "2020-01-01", roles: [] },
      ["roles", "shownUntil", "title"],
    ],
  ];
  for (const [what, overrides, fields] of refused) {
    it(`refuses ${what}, naming the field`, () => {
      assert.throws(
        () => validateAnnouncement(draft(overrides), MEMBERS, null),
        (error) =>
          error instanceof ValidationError && assert.deepEqual(fieldsOf(error), fields) === undefined,
      );
    });
  }
  it("a member writes for its own persons only", () => {
    assert.deepEqual(validateAnnouncement(draft(), ["metropole"], "metropole").memberIds, ["metropole"]);
    for (const memberIds of [["ville-lyon"], ["metropole", "ville-lyon"], ["nulle-part"]])
      assert.throws(
        () => validateAnnouncement(draft({ memberIds }), ["metropole"], "metropole"),
        (error) =>
          error instanceof EntenteError &&
          error.code === "workplace.announcement_member_forbidden" &&
          error.path.join(".") === "memberIds" &&
          /seulement votre membre \(metropole\)/.test(formatMessage(error.code, error.details, "fr")) &&
          !/inconnus/.test(formatMessage(error.code, error.details, "fr")),
        `memberIds ${memberIds.join(", ")}: refused as another member's, not as unknown`,
      );
  });
});

describe("isShownTo", () => {
  const agent = { memberId: "metropole", role: "agent", groups: ["Agents Métropole"] };
  const cases: [string, Partial<AnnouncementFields>, string, boolean][] = [
    ["on its first day", {}, "2026-01-10", true],
    ["on its last day", {}, "2026-01-31", true],
    ["the day before", {}, "2026-01-09", false],
    ["the day after", {}, "2026-02-01", false],
    ["open-ended, years later", { shownUntil: null }, "2030-01-01", true],
    ["to another member", { memberIds: ["ville-lyon"] }, "2026-01-15", false],
    ["to their member", { memberIds: ["ville-lyon", "metropole"] }, "2026-01-15", true],
    ["to élus only", { roles: ["elu"] }, "2026-01-15", false],
    ["to their group, written otherwise", { groups: ["  agents   MÉTROPOLE "] }, "2026-01-15", true],
    ["to a group they are not in", { groups: ["direction"] }, "2026-01-15", false],
  ];
  for (const [what, overrides, day, shown] of cases) {
    it(`${shown ? "shows" : "hides"} an announcement ${what}`, () => {
      assert.equal(isShownTo(draft(overrides), agent, day), shown);
    });
  }
});
