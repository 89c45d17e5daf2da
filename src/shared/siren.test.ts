import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isValidSiren, isValidSiret } from "./siren.ts";

describe("SIREN and SIRET check digits (INSEE: Luhn; La Poste's exception)", () => {
  const sirens: [string, boolean][] = [
    ["200046977", true], // Métropole de Lyon
    ["216901231", true], // Ville de Lyon
    ["200046978", false], // last digit changed
    ["216901213", false], // two digits swapped
    ["20004697", false], // 8 digits
    ["20004697a", false],
  ];
  for (const [siren, valid] of sirens)
    it(`SIREN ${siren}: ${valid ? "valid" : "refused"}`, () => assert.equal(isValidSiren(siren), valid));

  const sirets: [string, boolean][] = [
    ["21690123100011", true], // Ville de Lyon, hôtel de ville
    ["21690123100012", false],
    ["35600000000048", true], // La Poste, head office: Luhn
    ["35600000049837", true], // a La Poste establishment: digit sum a multiple of 5, not Luhn
    ["35600000049838", false],
    ["73282932000075", false],
    ["2169012310001", false], // 13 digits
  ];
  for (const [siret, valid] of sirets)
    it(`SIRET ${siret}: ${valid ? "valid" : "refused"}`, () => assert.equal(isValidSiret(siret), valid));
});
