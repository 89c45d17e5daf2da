import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { negotiateLanguage } from "./negotiate-language.ts";

describe("negotiateLanguage", () => {
  const CASES: [string | undefined, "fr" | "en"][] = [
    [undefined, "fr"],
    ["", "fr"],
    ["en", "en"],
    ["EN-gb", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.8", "fr"],
    ["en-US,en;q=0.9,fr;q=0.8", "en"],
    ["fr;q=0.5, en;q=0.8", "en"],
    ["de-DE,en;q=0.5", "en"],
    ["de, es", "fr"],
    ["*", "fr"],
    ["en;q=0", "fr"],
    ["en;q=abc", "fr"],
    ["en, fr", "en"],
    ["fr, en", "fr"],
    ["en;q=0.8, fr;q=0.8", "en"],
  ];
  for (const [header, expected] of CASES) {
    it(`${JSON.stringify(header)} → ${expected}`, () => assert.equal(negotiateLanguage(header), expected));
  }
});
