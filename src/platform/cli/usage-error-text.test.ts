import assert from "node:assert/strict";
import { it } from "node:test";
import { langOfArgv, usageErrorText } from "./usage-error-text.ts";

it("commander's usage errors are said in French, the English kept for --lang en", () => {
  const invalid =
    "error: option '--format <format>' argument 'docx' is invalid. Allowed choices are odt, pdf.\n";
  assert.equal(
    usageErrorText(invalid, "fr"),
    "erreur : valeur « docx » invalide pour --format <format> ; valeurs possibles : odt, pdf.",
  );
  assert.equal(usageErrorText(invalid, "en"), invalid.trimEnd());
  assert.equal(
    usageErrorText("error: unknown option '--nop' (Did you mean --no?)", "fr"),
    "erreur : option inconnue --nop (vouliez-vous dire --no ?).",
  );
  assert.equal(
    usageErrorText("error: missing required argument 'file'", "fr"),
    "erreur : argument obligatoire manquant : file.",
  );
  assert.equal(
    usageErrorText("error: something new", "fr"),
    "error: something new",
    "an unknown form is kept",
  );
});

it("reads --lang before commander does, the last one winning, French by default", () => {
  assert.equal(langOfArgv(["budget", "--lang", "en"]), "en");
  assert.equal(langOfArgv(["budget", "--lang=en"]), "en");
  assert.equal(langOfArgv(["--lang", "en", "budget", "--lang", "fr"]), "fr");
  assert.equal(langOfArgv(["budget"]), "fr");
});
