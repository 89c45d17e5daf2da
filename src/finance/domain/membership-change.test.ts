import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Entente } from "./entente.ts";
import { assertMembershipChange, assertMemberValid, type MemberInput } from "./membership-change.ts";

const input = (over: Partial<MemberInput>): MemberInput => ({
  id: "villeurbanne",
  name: "Ville de Villeurbanne",
  kind: "commune",
  siren: null,
  siret: null,
  assembly: null,
  from: null,
  to: null,
  accountant: null,
  ...over,
});

const entente = (members: Entente["members"]): Entente => ({
  name: "Test",
  legalBasis: [],
  rounding: { unit: "euro" },
  defaultKey: "socle",
  members,
  keys: [],
  missions: [],
  exercises: [],
});

const ADOPTED_2023 = [
  { year: 2023, status: "adopted" as const },
  { year: 2024, status: "draft" as const },
];

describe("a member's identifiers and membership", () => {
  it("a SIREN with a wrong check digit: member.siren_invalid at siren", () => {
    assert.throws(
      () => assertMemberValid(input({ siren: "216901232" })),
      (error: { issues: unknown[] }) => {
        assert.deepEqual(
          error.issues.map((i) => (i as { code: string; path: unknown[] }).path),
          [["siren"]],
        );
        return true;
      },
    );
  });

  it("a SIRET of another SIREN, and a membership ending before it starts", () => {
    assert.throws(
      () => assertMemberValid(input({ siren: "200046977", siret: "21690123100011", from: 2025, to: 2024 })),
      (error: { issues: { code: string }[] }) => {
        assert.deepEqual(
          error.issues.map((i) => i.code),
          ["member.siret_not_of_siren", "member.membership_order"],
        );
        return true;
      },
    );
  });

  it("joins from a year in preparation; not from an adopted one (member.membership_frozen at from)", () => {
    assert.doesNotThrow(() => assertMembershipChange(entente([]), input({ from: 2024 }), ADOPTED_2023));
    assert.throws(
      () => assertMembershipChange(entente([]), input({ from: 2023 }), ADOPTED_2023),
      (error: { issues: { code: string; path: unknown[]; details: { year: number } }[] }) => {
        assert.deepEqual(
          error.issues.map((i) => [i.code, i.path, i.details.year]),
          [["member.membership_frozen", ["from"], 2023]],
        );
        return true;
      },
    );
  });

  it("leaves at the end of an adopted year, never before it", () => {
    const sitiv = { id: "sitiv", name: "SITIV", kind: "syndicat" as const };
    const before = entente([sitiv]);
    assert.doesNotThrow(() =>
      assertMembershipChange(before, input({ id: "sitiv", name: "SITIV", to: 2023 }), ADOPTED_2023),
    );
    assert.throws(
      () => assertMembershipChange(before, input({ id: "sitiv", name: "SITIV", to: 2022 }), ADOPTED_2023),
      {
        name: "ValidationError",
      },
    );
  });
});
