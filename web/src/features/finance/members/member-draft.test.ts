import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MemberCreate, MemberUpdate } from "../../../../../src/finance/contracts/api.ts";
import type { Member } from "../finance-types.ts";
import { idFromName, withIdentifierChecks } from "./member-checks.ts";
import { emptyMemberDraft, toMemberBody, toMemberDraft, toNewMemberBody } from "./member-draft.ts";

const SITIV: Member = {
  id: "sitiv",
  name: "SITIV",
  kind: "syndicat",
  siren: null,
  siret: null,
  assembly: "Comité syndical",
  from: null,
  to: null,
  accountant: null,
  rowVersion: 3,
};
const MESSAGES = { siren: "clé SIREN", siret: "clé SIRET", siretOfSiren: "SIRET d'un autre SIREN" };

describe("a member as the console sends it", () => {
  it("an edit sends membership and accountant only when changed (a finance officer may save its identity)", () => {
    const unchanged = toMemberBody({ ...toMemberDraft(SITIV), assembly: "Comité syndical du SITIV" }, SITIV);
    assert.deepEqual(Object.keys(unchanged).sort(), [
      "assembly",
      "kind",
      "name",
      "rowVersion",
      "siren",
      "siret",
    ]);
    const leaving = toMemberBody(
      { ...toMemberDraft(SITIV), to: "2025", accountantOffice: "SGC de Lyon" },
      SITIV,
    );
    assert.equal(leaving.to, 2025);
    assert.deepEqual(leaving.accountant, { office: "SGC de Lyon" });
    assert.ok(MemberUpdate.safeParse(leaving).success);
  });

  it("a new member: its id from its name, joining from the year typed, a year in letters refused by the contract", () => {
    const draft = { ...emptyMemberDraft(2024), name: "Commune de Saint-Genis-Laval", siren: "216902049" };
    const body = toNewMemberBody(idFromName(draft.name), draft);
    assert.equal(body.id, "commune-de-saint-genis-laval");
    assert.equal(body.from, 2024);
    assert.equal(body.to, null);
    assert.ok(MemberCreate.safeParse(body).success);
    assert.ok(!MemberCreate.safeParse(toNewMemberBody("x", { ...draft, from: "deux mille" })).success);
  });

  it("the form's identifier checks: a wrong check digit and a SIRET of another SIREN, each at its field", () => {
    const schema = withIdentifierChecks(MemberCreate, MESSAGES);
    const base = toNewMemberBody("oullins", { ...emptyMemberDraft(2024), name: "Oullins" });
    const wrong = schema.safeParse({ ...base, siren: "216902048", siret: "21690204900016" });
    assert.deepEqual(
      wrong.error?.issues.map((i) => [i.path.join("."), i.message]),
      [["siren", "clé SIREN"]].concat([["siret", "SIRET d'un autre SIREN"]]),
    );
    assert.ok(schema.safeParse({ ...base, siren: "216902049", siret: "21690204900016" }).success);
  });
});
