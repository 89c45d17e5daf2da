import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { libreOfficeText } from "../helpers/libreoffice-text.ts";
import { fr, LYON, runEntente } from "../helpers/run-cli.ts";

const tmp = () => mkdtempSync(join(tmpdir(), "entente-deliberation-"));

describe("entente document deliberation on the seed (examples/lyon-2023)", () => {
  const file = join(tmp(), "deliberation-metropole.odt");
  const run = runEntente([
    "document",
    "deliberation",
    LYON,
    "--member",
    "metropole",
    "--year",
    "2023",
    "--operation",
    "0P28O9768",
    "--conference-date",
    "2022-11-07",
    "--out",
    file,
  ]);

  it("writes an ODF package: mimetype first, stored, then the content (ODF 1.3 part 2 §3.3)", () => {
    assert.equal(run.status, 0, run.stderr);
    const bytes = readFileSync(file);
    assert.equal(bytes.readUInt32LE(0), 0x04034b50, "a ZIP local file header");
    assert.equal(bytes.readUInt16LE(8), 0, "mimetype is stored, not deflated");
    assert.equal(bytes.subarray(30, 38).toString("ascii"), "mimetype");
    assert.equal(bytes.subarray(38, 77).toString("ascii"), "application/vnd.oasis.opendocument.text");
  });

  it("opens in LibreOffice Writer with the seed's amount, 305 797 €, and its imputation", () => {
    const text = libreOfficeText(file);
    assert.match(text, /PROJET DE DÉLIBÉRATION — Conseil de la Métropole de Lyon/);
    assert.match(
      text,
      /Vu le code général des collectivités territoriales, et notamment ses articles L5221-1 et L5221-2 ;/,
    );
    assert.match(text, /Vu la proposition de la conférence intercommunale du 7 novembre 2022 ;/);
    assert.match(text, /Hébergement mutualisé \(mission socle, confiée à SITIV\)/);
    assert.match(text, /Clé des missions socles \(fonctionnement\) : 53 %/);
    assert.match(
      text,
      new RegExp(
        `le versement d'une contribution à ce titre de Métropole de Lyon d'un montant de ${fr("305 797")} €, incluant le rappel des exercices antérieurs \\(${fr("50 350")} €\\)`,
      ),
    );
    assert.match(
      text,
      new RegExp(
        `La dépense de fonctionnement en résultant, soit ${fr("305 797")} €, sera imputée .* chapitre 65 - opération n° 0P28O9768\\.`,
      ),
    );
    // The budget table: the seed's totals.
    assert.match(text, new RegExp(`Total des dépenses\\n${fr("975 000")}\\n${fr("544 176")}`));
  });

  it("gives each member its own amount: Ville de Lyon 217 051 €, SITIV 116 328 €", () => {
    for (const [member, amount] of [
      ["ville-lyon", "217 051"],
      ["sitiv", "116 328"],
    ] as const) {
      const out = join(tmp(), `${member}.odt`);
      const result = runEntente(["document", "deliberation", LYON, "--member", member, "--out", out]);
      assert.equal(result.status, 0, result.stderr);
      assert.match(libreOfficeText(out), new RegExp(`d'un montant de ${fr(amount)} €`));
    }
  });

  it("refuses an unknown member, naming the members, and writes nothing", () => {
    const out = join(tmp(), "none.odt");
    const result = runEntente(["document", "deliberation", LYON, "--member", "lyon", "--out", out]);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /--member/);
    assert.match(result.stderr, /metropole, ville-lyon, sitiv/);
    assert.doesNotMatch(result.stderr, /at .*\.ts:\d+/);
    assert.equal(existsSync(out), false);
  });

  it("refuses a conference date that is not AAAA-MM-JJ", () => {
    const out = join(tmp(), "bad-date.odt");
    const result = runEntente([
      "document",
      "deliberation",
      LYON,
      "--member",
      "metropole",
      "--conference-date",
      "07/11/2022",
      "--out",
      out,
    ]);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /--conference-date/);
    assert.equal(existsSync(out), false);
  });
});

describe("entente document fund-call on the seed (examples/lyon-2023)", () => {
  it("writes the Métropole's fund call: by section, recall, adjustments, 305 797 €, due date and reference", () => {
    const file = join(tmp(), "appel-metropole.odt");
    const run = runEntente([
      "document",
      "fund-call",
      LYON,
      "--member",
      "metropole",
      "--due-on",
      "2023-03-31",
      "--reference",
      "AF-2023-01",
      "--out",
      file,
    ]);
    assert.equal(run.status, 0, run.stderr);
    const text = libreOfficeText(file);
    assert.match(text, /APPEL DE FONDS 2023/);
    assert.match(text, /Organisme gestionnaire \(bénéficiaire du versement\) : SITIV/);
    assert.match(text, /Membre appelé : Métropole de Lyon \(SIREN 200046977\)/);
    assert.match(text, new RegExp(`Contribution 2023 — fonctionnement\\n${fr("288 413")}`));
    assert.match(text, new RegExp(`Rappel des exercices antérieurs\\n${fr("50 350")}`));
    assert.match(text, new RegExp(`Avances et régularisations\\n-${fr("32 966")}`));
    assert.match(text, new RegExp(`Montant à verser : ${fr("305 797")} €`));
    assert.match(text, /Échéance : 31 mars 2023\./);
    assert.match(text, /Référence de l'appel : AF-2023-01/);
  });

  it("refuses a due date that is not AAAA-MM-JJ and writes nothing", () => {
    const out = join(tmp(), "bad.odt");
    const result = runEntente([
      "document",
      "fund-call",
      LYON,
      "--member",
      "sitiv",
      "--due-on",
      "31/03",
      "--out",
      out,
    ]);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /--due-on/);
    assert.equal(existsSync(out), false);
  });
});

describe("entente document deliberation: names with XML's special characters", () => {
  it('escapes & < > " in names, and LibreOffice reads them back as written', () => {
    const dir = tmp();
    const source = join(dir, "entente.yaml");
    const name = `SITIV & <Co> "numérique"`;
    writeFileSync(source, readFileSync(LYON, "utf8").replace("name: SITIV\n", `name: '${name}'\n`));
    const file = join(dir, "sitiv.odt");
    const run = runEntente(["document", "deliberation", source, "--member", "sitiv", "--out", file]);
    assert.equal(run.status, 0, run.stderr);
    const text = libreOfficeText(file);
    assert.ok(text.includes(`de ${name} d'un montant de ${fr("116 328")} €`), text.slice(-600));
  });
});
