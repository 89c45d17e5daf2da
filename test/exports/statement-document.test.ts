import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { libreOfficeText } from "../helpers/libreoffice-text.ts";
import { fr, LYON, runEntente } from "../helpers/run-cli.ts";

/** Issue 9, item 5: `entente document statement` — a member's multi-year statement from the seed's file. */
describe("entente document statement on the seed (examples/lyon-2023)", () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-statement-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("ODT: LibreOffice reads back SITIV's 2023 call, 116 328 € (2022 recalled in it), the total and what it owes", () => {
    const file = join(dir, "releve-sitiv.odt");
    const run = runEntente(["document", "statement", LYON, "--member", "sitiv", "--out", file]);
    assert.equal(run.status, 0, run.stderr);
    const text = libreOfficeText(file);
    assert.match(text, /RELEVÉ DE COMPTE PLURIANNUEL/);
    assert.match(text, /Membre : SITIV/);
    assert.ok(text.includes(`2023 (à émettre)\n${fr("116 328")}\n0\n${fr("116 328")}`), text);
    assert.ok(text.includes(`Total\n${fr("116 328")}\n0\n${fr("116 328")}`), text);
    assert.ok(text.includes(`Reste dû : ${fr("116 328")} €`), text);
  });

  it("PDF after --out's extension", () => {
    const file = join(dir, "releve-metropole.pdf");
    const run = runEntente(["document", "statement", LYON, "--member", "metropole", "--out", file]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(readFileSync(file).subarray(0, 5).toString("latin1"), "%PDF-");
  });

  it("an unknown member or another extension: exit 2 naming the option, nothing written", () => {
    const member = runEntente([
      "document",
      "statement",
      LYON,
      "--member",
      "paris",
      "--out",
      join(dir, "x.odt"),
    ]);
    assert.equal(member.status, 2);
    assert.match(member.stderr, /--member : un de metropole, ville-lyon, sitiv attendu/);
    const docx = runEntente([
      "document",
      "statement",
      LYON,
      "--member",
      "sitiv",
      "--out",
      join(dir, "x.docx"),
    ]);
    assert.equal(docx.status, 2);
    assert.match(docx.stderr, /--out : un fichier \.odt ou \.pdf attendu/);
    assert.ok(!existsSync(join(dir, "x.odt")) && !existsSync(join(dir, "x.docx")));
  });
});
