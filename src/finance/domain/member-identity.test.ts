import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Member } from "./entente.ts";
import { checkMemberIdentities, comparableName, identityFieldsChanged } from "./member-identity.ts";

const member = (id: string, name: string, ids: Partial<Pick<Member, "siren" | "siret">> = {}): Member => ({
  id,
  name,
  kind: "commune",
  ...ids,
});

describe("a member's identity in its entente", () => {
  it("names compare without accents, case or repeated spaces", () => {
    assert.equal(comparableName("  VILLE  de LYÔN "), comparableName("Ville de Lyon"));
    assert.notEqual(comparableName("Ville de Lyon"), comparableName("Ville de Bron"));
  });

  const cases: [string, Member[], [string, string][]][] = [
    ["distinct", [member("a", "A", { siren: "200046977" }), member("b", "B", { siren: "216901231" })], []],
    [
      "same SIREN",
      [member("a", "A", { siren: "200046977" }), member("b", "B", { siren: "200046977" })],
      [["member.siren_taken", "members.1.siren"]],
    ],
    [
      "a SIRET of another member's SIREN",
      [member("a", "A", { siren: "216901231" }), member("b", "B", { siret: "21690123100011" })],
      [["member.siren_taken", "members.1.siret"]],
    ],
    [
      "same name, other case",
      [member("a", "Sitiv"), member("b", "SITIV")],
      [["member.name_taken", "members.1.name"]],
    ],
  ];
  for (const [name, members, expected] of cases)
    it(name, () => {
      assert.deepEqual(
        checkMemberIdentities(members).map((i) => [i.code, i.path.join(".")]),
        expected,
      );
    });

  it("the identity fields an edit changes (the accountant is none of them)", () => {
    const before = {
      name: "A",
      kind: "commune",
      siren: null,
      siret: null,
      assembly: null,
      from: null,
      to: null,
    };
    assert.deepEqual(identityFieldsChanged(before, { ...before }), []);
    assert.deepEqual(identityFieldsChanged(before, { ...before, siren: "200046977", to: 2024 }), [
      "siren",
      "to",
    ]);
  });
});
