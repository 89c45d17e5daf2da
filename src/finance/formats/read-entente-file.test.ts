import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { EntenteFileError, type LocatedIssue } from "../../shared/entente-file-error.ts";
import type { Entente } from "../domain/entente.ts";
import { EntenteError, type ErrorCode, formatMessage } from "../errors.ts";
import { fieldOf } from "./field-of.ts";
import { parseEntenteText, readEntenteFile } from "./read-entente-file.ts";

// ---------------------------------------------------------------------------------------------
// A minimal valid entente file, built from replaceable YAML blocks. Tests change one block and
// find the expected line with `lineOf`, so adding a line to a default block breaks no test.

interface Blocks {
  entente: string;
  members: string;
  keys: string;
  missions: string;
  exercises: string;
}

const DEFAULTS: Blocks = {
  entente: `entente:
  name: Entente de test
  defaultKey: socle`,
  members: `members:
  - id: metropole
    name: Métropole
    kind: metropole
  - id: ville
    name: Ville
    kind: commune
  - id: sitiv
    name: SITIV
    kind: syndicat`,
  keys: `keys:
  - id: socle
    label: Clé socle
    percent:
      metropole: 53
      ville: 30.6
      sitiv: 16.4`,
  missions: `missions:
  - id: hebergement
    name: Hébergement
    kind: socle`,
  exercises: `exercises:
  - year: 2023
    expenses:
      - mission: hebergement
        label: Datacentre
        fonctionnement: 1000
    receipts:
      - kind: contribution
        fonctionnement: 1000`,
};

function ententeText(blocks: Partial<Blocks> = {}): string {
  const b = { ...DEFAULTS, ...blocks };
  return `${[b.entente, b.members, b.keys, b.missions, b.exercises].join("\n")}\n`;
}

/** 1-based number of the only line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const lines = text.split("\n");
  const found = lines.flatMap((line, i) => (line.includes(needle) ? [i + 1] : []));
  assert.equal(found.length, 1, `exactly one line contains ${JSON.stringify(needle)}: ${found.join(", ")}`);
  return found[0] ?? 0;
}

/** The issues of a text that must be rejected; every message renders without a missing detail. */
function issuesOf(text: string): readonly LocatedIssue[] {
  let caught: unknown;
  try {
    parseEntenteText(text, "test.yaml");
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof EntenteFileError, `expected an EntenteFileError, got ${String(caught)}`);
  assert.equal(caught.file, "test.yaml");
  assert.ok(caught.issues.length > 0);
  for (const issue of caught.issues) {
    assert.equal(issue.file, "test.yaml");
    for (const lang of ["fr", "en"] as const) {
      const message = formatMessage(issue.code, issue.details, lang);
      assert.ok(!message.includes("undefined"), `${issue.code} (${lang}): ${message}`);
    }
  }
  return caught.issues;
}

/** The only issue with `code` (fails when there is none or more than one). */
function onlyIssue(issues: readonly LocatedIssue[], code: ErrorCode): LocatedIssue {
  const found = issues.filter((issue) => issue.code === code);
  assert.equal(found.length, 1, `one ${code} among ${JSON.stringify(issues.map((i) => [i.code, i.field]))}`);
  const issue = found[0];
  assert.ok(issue);
  return issue;
}

function parse(blocks: Partial<Blocks> = {}): Entente {
  return parseEntenteText(ententeText(blocks), "test.yaml");
}

const exercise2023 = (body: string) => `exercises:
  - year: 2023
${body}`;

const BALANCED = `    expenses:
      - mission: hebergement
        label: Datacentre
        fonctionnement: 1000
    receipts:
      - kind: contribution
        fonctionnement: 1000`;

// ---------------------------------------------------------------------------------------------

describe("parseEntenteText: a valid file", () => {
  it("the minimal builder text is valid", () => {
    const entente = parse();
    assert.equal(entente.name, "Entente de test");
    assert.deepEqual(
      entente.members.map((m) => m.id),
      ["metropole", "ville", "sitiv"],
    );
    assert.equal(entente.rounding.unit, "euro");
    assert.deepEqual(entente.missions[0]?.keys, { investissement: "socle", fonctionnement: "socle" });
    assert.deepEqual(entente.missions[0]?.members, ["metropole", "ville", "sitiv"]);
    assert.equal(entente.exercises[0]?.calledIn, 2023);
  });

  it("rates are exact ten-thousandths of a percent (30.6 → 306 000)", () => {
    const basis = parse().keys[0]?.basis;
    assert.deepEqual(basis, {
      kind: "percent",
      shares: [
        { member: "metropole", tenThousandths: 530_000n },
        { member: "ville", tenThousandths: 306_000n },
        { member: "sitiv", tenThousandths: 164_000n },
      ],
    });
  });

  it("accepts rates with 4 decimals summing to exactly 100", () => {
    const entente = parse({
      keys: `keys:
  - id: socle
    label: Clé socle
    percent:
      metropole: 33.3333
      ville: 33.3333
      sitiv: 33.3334`,
    });
    const basis = entente.keys[0]?.basis;
    assert.equal(basis?.kind, "percent");
    assert.deepEqual(basis?.kind === "percent" ? basis.shares.map((s) => s.tenThousandths) : [], [
      333_333n,
      333_333n,
      333_334n,
    ]);
  });

  it("reads weighted criteria (population 70 + agents 30) as exact scaled integers", () => {
    const entente = parse({
      keys: `keys:
  - id: socle
    label: Clé socle
    criteria:
      - id: population
        weight: 70
        values: { metropole: 600, ville: 400, sitiv: 0 }
      - id: agents
        weight: 30
        values: { metropole: 20, ville: 80, sitiv: 0 }`,
    });
    const basis = entente.keys[0]?.basis;
    assert.equal(basis?.kind, "criteria");
    if (basis?.kind !== "criteria") return;
    assert.deepEqual(
      basis.criteria.map((c) => [c.id, c.weight, c.values.map((v) => v.value)]),
      [
        ["population", 700_000n, [6_000_000n, 4_000_000n, 0n]],
        ["agents", 300_000n, [200_000n, 800_000n, 0n]],
      ],
    );
  });

  it("never turns an amount into a float: 45276.50 → 4 527 650 cents, 0.1 → 10 cents", () => {
    const entente = parse({
      entente: `entente:
  name: Entente de test
  defaultKey: socle
  rounding:
    unit: cent`,
      exercises: exercise2023(`    expenses:
      - mission: hebergement
        label: Visioconférence
        fonctionnement: 45276.50
        investissement: 0.1
      - label: The largest amount (limits.ts)
        investissement: 999999999999.89
    receipts:
      - kind: contribution
        fonctionnement: "45276.50"
      - kind: grant
        investissement: 999999999999.99`),
    });
    assert.deepEqual(
      entente.exercises[0]?.lines.map((l) => [l.direction, l.section, l.amount]),
      [
        ["expense", "investissement", 10n],
        ["expense", "fonctionnement", 4527650n],
        ["expense", "investissement", 99999999999989n],
        ["receipt", "fonctionnement", 4527650n],
        ["receipt", "investissement", 99999999999999n],
      ],
    );
  });

  it("takes an advance and a signed adjustment exactly", () => {
    const entente = parse({
      exercises: exercise2023(`${BALANCED}
    advances:
      - id: experimentation
        label: Expérimentation
        member: metropole
        amount: 70140
    adjustments:
      - id: regul
        label: Régularisation
        amounts:
          metropole: -32966
          ville: 32966`),
    });
    const ex = entente.exercises[0];
    assert.deepEqual(
      ex?.advances.map((a) => [a.id, a.member, a.amount, a.key]),
      [["experimentation", "metropole", 7014000n, "socle"]],
    );
    assert.deepEqual(ex?.adjustments[0]?.amounts, [
      { member: "metropole", amount: -3296600n },
      { member: "ville", amount: 3296600n },
    ]);
  });

  it("an adjustment in cents while the entente rounds to the euro → rounding.not_whole_unit on that amount", () => {
    const text = ententeText({
      exercises: exercise2023(`${BALANCED}
    adjustments:
      - id: regul
        label: Régularisation
        amounts:
          metropole: -50.50
          ville: 50.50`),
    });
    const issues = issuesOf(text).filter((i) => i.code === "rounding.not_whole_unit");
    assert.deepEqual(
      issues.map((i) => i.field),
      ["exercises[0].adjustments[0].amounts.metropole", "exercises[0].adjustments[0].amounts.ville"],
    );
    assert.equal(issues[0]?.line, lineOf(text, "metropole: -50.50"));
  });

  it("reads JSON too (YAML 1.2 includes JSON), numbers still exact", () => {
    const json = JSON.stringify({
      entente: { name: "J", defaultKey: "k", rounding: { unit: "cent" } },
      members: [{ id: "a", name: "A", kind: "commune" }],
      keys: [{ id: "k", label: "K", percent: { a: 100 } }],
      exercises: [
        {
          year: 2023,
          expenses: [{ label: "E", fonctionnement: "0.30" }],
          receipts: [{ kind: "contribution", fonctionnement: 0.3 }],
        },
      ],
    });
    const entente = parseEntenteText(json, "test.json");
    assert.deepEqual(
      entente.exercises[0]?.lines.map((l) => l.amount),
      [30n, 30n],
    );
  });
});

describe("parseEntenteText: errors carry code, line and field", () => {
  it("invalid YAML → file.invalid_yaml at the faulty line", () => {
    const text = ententeText({
      missions: `missions:
  - id: hebergement
    name: Hébergement: mutualisé
    kind: socle`,
    });
    const issue = issuesOf(text)[0];
    assert.equal(issue?.code, "file.invalid_yaml");
    assert.equal(issue?.line, lineOf(text, "name: Hébergement: mutualisé"));
    assert.equal(issue?.field, "");
    assert.ok(String(issue?.details.reason).length > 0);
  });

  it("a duplicate YAML key → file.invalid_yaml at the second key", () => {
    const text = ententeText({
      missions: `missions:
  - id: hebergement
    name: Hébergement
    name: Hébergement bis
    kind: socle`,
    });
    const issue = onlyIssue(issuesOf(text), "file.invalid_yaml");
    assert.equal(issue.line, lineOf(text, "name: Hébergement bis"));
  });

  const unknownMembers: { name: string; blocks: Partial<Blocks>; needle: string; field: string }[] = [
    {
      name: "in a percent key",
      blocks: {
        keys: `keys:
  - id: socle
    label: Clé socle
    percent:
      metropole: 53
      ville: 30.6
      sytiv: 16.4`,
      },
      needle: "sytiv: 16.4",
      field: "keys[0].percent.sytiv",
    },
    {
      name: "as a mission lead",
      blocks: {
        missions: `missions:
  - id: hebergement
    name: Hébergement
    kind: socle
    lead: sytiv`,
      },
      needle: "lead: sytiv",
      field: "missions[0].lead",
    },
    {
      name: "as the budget holder",
      blocks: {
        entente: `entente:
  name: Entente de test
  defaultKey: socle
  budgetHolder: sytiv`,
      },
      needle: "budgetHolder: sytiv",
      field: "entente.budgetHolder",
    },
    {
      name: "in an adjustment",
      blocks: {
        exercises: exercise2023(`${BALANCED}
    adjustments:
      - id: regul
        label: Régularisation
        amounts:
          metropole: -10
          sytiv: 10`),
      },
      needle: "sytiv: 10",
      field: "exercises[0].adjustments[0].amounts.sytiv",
    },
  ];
  for (const c of unknownMembers) {
    it(`unknown member ${c.name} → entente.unknown_reference listing the known members`, () => {
      const text = ententeText(c.blocks);
      const issues = issuesOf(text).filter(
        (i) => i.code === "entente.unknown_reference" && i.field === c.field,
      );
      assert.equal(issues.length, 1, JSON.stringify(issuesOf(text)));
      const issue = issues[0];
      assert.equal(issue?.line, lineOf(text, c.needle));
      assert.equal(issue?.details.id, "sytiv");
      assert.equal(issue?.details.known, "metropole, ville, sitiv");
    });
  }

  it("an unknown member in a key is reported once, where it is written (not on derived mission members)", () => {
    const text = ententeText(unknownMembers[0]?.blocks);
    const issues = issuesOf(text);
    assert.deepEqual(
      issues.map((i) => [i.code, i.field, i.line]),
      [["entente.unknown_reference", "keys[0].percent.sytiv", lineOf(text, "sytiv: 16.4")]],
    );
  });

  it("unknown mission on a budget line → entente.unknown_reference on its mission field", () => {
    const text = ententeText({
      exercises: exercise2023(`    expenses:
      - mission: hebergemnet
        label: Datacentre
        fonctionnement: 1000
    receipts:
      - kind: contribution
        fonctionnement: 1000`),
    });
    const issue = onlyIssue(issuesOf(text), "entente.unknown_reference");
    assert.equal(issue.field, "exercises[0].expenses[0].mission");
    assert.equal(issue.line, lineOf(text, "mission: hebergemnet"));
    assert.equal(issue.details.id, "hebergemnet");
    assert.equal(issue.details.known, "hebergement");
  });

  it("unknown mission on a line with both sections is reported once", () => {
    const text = ententeText({
      exercises: exercise2023(`    expenses:
      - mission: hebergemnet
        label: Datacentre
        investissement: 500
        fonctionnement: 1000
    receipts:
      - kind: contribution
        investissement: 500
        fonctionnement: 1000`),
    });
    const issue = onlyIssue(issuesOf(text), "entente.unknown_reference");
    assert.equal(issue.field, "exercises[0].expenses[0].mission");
    assert.equal(issue.line, lineOf(text, "mission: hebergemnet"));
  });

  it("unknown key of a mission (key:) → reported once on that field, without a follow-on imbalance", () => {
    const text = ententeText({
      missions: `missions:
  - id: hebergement
    name: Hébergement
    kind: socle
    key: usgae`,
    });
    const issues = issuesOf(text);
    assert.deepEqual(
      issues.map((i) => [i.code, i.field, i.line]),
      [["entente.unknown_reference", "missions[0].key", lineOf(text, "key: usgae")]],
    );
  });

  it("unknown key of an advance → entente.unknown_reference on its key field", () => {
    const text = ententeText({
      exercises: exercise2023(`${BALANCED}
    advances:
      - id: experimentation
        label: Expérimentation
        member: metropole
        amount: 100
        key: usgae`),
    });
    const issue = onlyIssue(issuesOf(text), "entente.unknown_reference");
    assert.equal(issue.field, "exercises[0].advances[0].key");
    assert.equal(issue.line, lineOf(text, "key: usgae"));
  });

  const duplicates: {
    what: string;
    blocks: Partial<Blocks>;
    needle: string;
    field: string;
    id: string;
    first: string;
  }[] = [
    {
      what: "member",
      blocks: {
        members: `${DEFAULTS.members}
  - id: ville
    name: Ville bis
    kind: commune`,
      },
      needle: "name: Ville bis",
      field: "members[3].id",
      id: "ville",
      first: "firstOf:- id: ville",
    },
    {
      what: "key",
      blocks: {
        keys: `${DEFAULTS.keys}
  - id: socle
    label: Clé bis
    weights: { metropole: 1 }`,
      },
      needle: "label: Clé bis",
      field: "keys[1].id",
      id: "socle",
      first: "firstOf:- id: socle",
    },
    {
      what: "mission",
      blocks: {
        missions: `${DEFAULTS.missions}
  - id: hebergement
    name: Hébergement bis
    kind: socle`,
      },
      needle: "name: Hébergement bis",
      field: "missions[1].id",
      id: "hebergement",
      first: "firstOf:- id: hebergement",
    },
    {
      what: "exercise year",
      blocks: {
        exercises: `${DEFAULTS.exercises}
  - year: 2023
    note: again`,
      },
      needle: "note: again",
      field: "exercises[1].year",
      id: "2023",
      first: "firstOf:- year: 2023",
    },
  ];
  for (const c of duplicates) {
    it(`duplicate ${c.what} → entente.duplicate_id on the second one`, () => {
      const text = ententeText(c.blocks);
      const issue = onlyIssue(issuesOf(text), "entente.duplicate_id");
      assert.equal(issue.field, c.field);
      // The id (or year) is the line just above the distinctive line of the duplicate.
      assert.equal(issue.line, lineOf(text, c.needle) - 1);
      assert.equal(issue.details.id, c.id);
      // The message names the line of the first one.
      const first = issue.details.first as { fr: string; en: string };
      const needle = c.first.replace("firstOf:", "");
      const firstLine = text.split("\n").findIndex((l) => l.includes(needle)) + 1;
      assert.equal(first.fr, `ligne ${firstLine}`);
      assert.equal(first.en, `line ${firstLine}`);
    });
  }

  it("key rates summing to 99.9 → key.shares_not_100 showing the sum", () => {
    const text = ententeText({
      keys: `keys:
  - id: socle
    label: Clé socle
    percent:
      metropole: 52.9
      ville: 30.6
      sitiv: 16.4`,
    });
    const issue = onlyIssue(issuesOf(text), "key.shares_not_100");
    assert.equal(issue.field, "keys[0].percent");
    assert.equal(issue.line, lineOf(text, "percent:"));
    assert.deepEqual(issue.details, {
      key: "socle",
      sum: { fr: "99,9", en: "99.9" },
      difference: { fr: "-0,1", en: "-0.1" },
    });
    assert.match(formatMessage(issue.code, issue.details, "fr"), /totalisent 99,9 %/);
  });

  it("a rate with 5 decimals → key.too_many_decimals on that rate", () => {
    const text = ententeText({
      keys: `keys:
  - id: socle
    label: Clé socle
    percent:
      metropole: 52.99999
      ville: 30.60001
      sitiv: 16.4`,
    });
    const issues = issuesOf(text).filter((i) => i.code === "key.too_many_decimals");
    assert.deepEqual(
      issues.map((i) => [i.field, i.line, i.details.value]),
      [
        ["keys[0].percent.metropole", lineOf(text, "metropole: 52.99999"), "52.99999"],
        ["keys[0].percent.ville", lineOf(text, "ville: 30.60001"), "30.60001"],
      ],
    );
  });

  const amounts: { name: string; value: string; code: ErrorCode }[] = [
    { name: "negative amount", value: "-1000", code: "amount.negative" },
    { name: "non-numeric amount", value: "mille", code: "amount.not_a_number" },
    { name: "French notation with a comma", value: '"1 000,50"', code: "amount.not_a_number" },
    { name: "exponent notation", value: "1e3", code: "amount.not_a_number" },
    { name: "more than 2 decimals (1.005)", value: "1.005", code: "amount.too_many_decimals" },
  ];
  for (const c of amounts) {
    it(`${c.name} (${c.value}) → ${c.code} on that amount`, () => {
      const text = ententeText({
        exercises: exercise2023(`    expenses:
      - mission: hebergement
        label: Datacentre
        fonctionnement: ${c.value}
    receipts:
      - kind: contribution
        fonctionnement: 1000`),
      });
      const issue = onlyIssue(issuesOf(text), c.code);
      assert.equal(issue.field, "exercises[0].expenses[0].fonctionnement");
      assert.equal(issue.line, lineOf(text, `fonctionnement: ${c.value}`));
      assert.equal(issue.details.value, c.value.replaceAll('"', ""));
    });
  }

  it("a negative advance → amount.negative (only adjustments are signed)", () => {
    const text = ententeText({
      exercises: exercise2023(`${BALANCED}
    advances:
      - id: experimentation
        label: Expérimentation
        member: metropole
        amount: -70140`),
    });
    const issue = onlyIssue(issuesOf(text), "amount.negative");
    assert.equal(issue.field, "exercises[0].advances[0].amount");
    assert.equal(issue.line, lineOf(text, "amount: -70140"));
  });

  it("expenses ≠ receipts → budget.unbalanced with the difference per section", () => {
    const text = ententeText({
      exercises: exercise2023(`    expenses:
      - mission: hebergement
        label: Datacentre
        investissement: 300
        fonctionnement: 1000
    receipts:
      - kind: grant
        investissement: 350
      - kind: contribution
        fonctionnement: 900`),
    });
    const issue = onlyIssue(issuesOf(text), "budget.unbalanced");
    assert.equal(issue.field, "exercises[0]");
    assert.equal(issue.line, lineOf(text, "- year: 2023"));
    assert.equal(issue.details.year, 2023);
    assert.deepEqual(issue.details.sections, {
      fr:
        "investissement : dépenses 300,00 €, recettes 350,00 €, écart +50,00 € ; " +
        "fonctionnement : dépenses 1\u202f000,00 €, recettes 900,00 €, écart -100,00 €",
      en:
        "investment: expenses €300.00, receipts €350.00, off by +€50.00; " +
        "operating: expenses €1,000.00, receipts €900.00, off by -€100.00",
    });
  });

  it("a mission key's contributions ≠ its net cost → budget.key_group_unbalanced", () => {
    const text = ententeText({
      keys: `${DEFAULTS.keys}
  - id: usage
    label: Usage
    weights: { metropole: 1, ville: 3 }`,
      missions: `missions:
  - id: hebergement
    name: Hébergement
    kind: specifique
    key: usage`,
      exercises: exercise2023(`    expenses:
      - mission: hebergement
        label: Datacentre
        fonctionnement: 1000
    receipts:
      - kind: contribution
        fonctionnement: 1000`),
    });
    const issue = onlyIssue(issuesOf(text), "budget.key_group_unbalanced");
    assert.equal(issue.field, "exercises[0]");
    assert.equal(issue.line, lineOf(text, "- year: 2023"));
    assert.equal(issue.details.key, "usage");
    assert.deepEqual(issue.details.difference, { fr: "-1\u202f000,00 €", en: "-€1,000.00" });
  });

  it("an advance by a member not in its key → advance.member_not_in_key on the member", () => {
    const text = ententeText({
      keys: `${DEFAULTS.keys}
  - id: ville-seule
    label: Ville seule
    weights: { ville: 1 }`,
      exercises: exercise2023(`${BALANCED}
    advances:
      - id: experimentation
        label: Expérimentation
        member: metropole
        amount: 70140
        key: ville-seule`),
    });
    const issue = onlyIssue(issuesOf(text), "advance.member_not_in_key");
    assert.equal(issue.field, "exercises[0].advances[0].member");
    assert.equal(issue.line, lineOf(text, "member: metropole"));
    assert.deepEqual(issue.details, { advance: "experimentation", member: "metropole", key: "ville-seule" });
  });

  it("an advance with cents under euro rounding → rounding.not_whole_unit on its amount", () => {
    const text = ententeText({
      exercises: exercise2023(`${BALANCED}
    advances:
      - id: experimentation
        label: Expérimentation
        member: metropole
        amount: 70140.50`),
    });
    const issue = onlyIssue(issuesOf(text), "rounding.not_whole_unit");
    assert.equal(issue.field, "exercises[0].advances[0].amount");
    assert.equal(issue.line, lineOf(text, "amount: 70140.50"));
  });

  it("an adjustment not summing to zero → adjustment.not_zero_sum showing the sum", () => {
    const text = ententeText({
      exercises: exercise2023(`${BALANCED}
    adjustments:
      - id: regul
        label: Régularisation
        amounts:
          metropole: -100
          ville: 99`),
    });
    const issue = onlyIssue(issuesOf(text), "adjustment.not_zero_sum");
    assert.equal(issue.field, "exercises[0].adjustments[0].amounts");
    assert.equal(issue.line, lineOf(text, "amounts:"));
    assert.deepEqual(issue.details, { adjustment: "regul", sum: { fr: "-1,00 €", en: "-€1.00" } });
  });

  it("an exercise called before its year → exercise.called_before_year", () => {
    const text = ententeText({
      exercises: `exercises:
  - year: 2023
    calledIn: 2022
${BALANCED}`,
    });
    const issue = onlyIssue(issuesOf(text), "exercise.called_before_year");
    assert.equal(issue.field, "exercises[0].calledIn");
    assert.equal(issue.line, lineOf(text, "calledIn: 2022"));
  });

  it("a typo in a field name → file.unknown_field listing the allowed fields", () => {
    const text = ententeText({
      members: `members:
  - id: metropole
    name: Métropole
    kind: metropole
    assembley: Conseil de la Métropole
  - id: ville
    name: Ville
    kind: commune
  - id: sitiv
    name: SITIV
    kind: syndicat`,
    });
    const issue = onlyIssue(issuesOf(text), "file.unknown_field");
    assert.equal(issue.field, "members[0].assembley");
    assert.equal(issue.line, lineOf(text, "assembley:"));
    assert.deepEqual(issue.details, {
      field: "assembley",
      allowed: "id, name, kind, siren, siret, assembly, from, to, accountant",
    });
  });

  it("a missing required field → file.invalid_field saying it is missing, on the object", () => {
    const text = ententeText({
      members: `members:
  - id: metropole
    kind: metropole
  - id: ville
    name: Ville
    kind: commune
  - id: sitiv
    name: SITIV
    kind: syndicat`,
    });
    const issue = onlyIssue(issuesOf(text), "file.invalid_field");
    assert.equal(issue.field, "members[0].name");
    assert.equal(issue.line, lineOf(text, "- id: metropole"));
    assert.match((issue.details.expected as { fr: string }).fr, /champ obligatoire manquant/);
  });

  it("a missing required choice (member kind) also says it is missing, not « undefined »", () => {
    const text = ententeText({
      members: `members:
  - id: metropole
    name: Métropole
  - id: ville
    name: Ville
    kind: commune
  - id: sitiv
    name: SITIV
    kind: syndicat`,
    });
    const issue = onlyIssue(issuesOf(text), "file.invalid_field");
    assert.equal(issue.field, "members[0].kind");
    assert.equal(issue.line, lineOf(text, "- id: metropole"));
    assert.match((issue.details.expected as { fr: string }).fr, /champ obligatoire manquant/);
    assert.doesNotMatch((issue.details.expected as { fr: string }).fr, /undefined/);
  });

  it("a mission whose explicit members miss a key member → mission.key_member_not_participant, once per member", () => {
    const text = ententeText({
      missions: `missions:
  - id: hebergement
    name: Hébergement
    kind: socle
    members: [metropole, ville]`,
    });
    const issues = issuesOf(text).filter((i) => i.code === "mission.key_member_not_participant");
    assert.equal(issues.length, 1, JSON.stringify(issues.map((i) => i.field)));
    assert.equal(issues[0]?.details.member, "sitiv");
    // On the mission, or better on its members list.
    assert.ok(
      [lineOf(text, "- id: hebergement"), lineOf(text, "members: [metropole, ville]")].includes(
        issues[0]?.line ?? 0,
      ),
    );
  });

  it("reports every problem at once, sorted by line", () => {
    const text = ententeText({
      keys: `keys:
  - id: socle
    label: Clé socle
    percent:
      metropole: 52.9
      ville: 30.6
      sitiv: 16.4`,
      exercises: exercise2023(`    expenses:
      - mission: hebergement
        label: Datacentre
        fonctionnement: 1000
    receipts:
      - kind: contribution
        fonctionnement: 999`),
    });
    const issues = issuesOf(text);
    assert.deepEqual(
      issues.map((i) => i.code),
      ["key.shares_not_100", "budget.unbalanced"],
    );
    const lines = issues.map((i) => i.line);
    assert.deepEqual(
      lines,
      [...lines].sort((a, b) => a - b),
    );
  });

  it("the error message lists line:column and code of every issue", () => {
    const text = ententeText({
      exercises: exercise2023(`    expenses:
      - mission: hebergement
        label: Datacentre
        fonctionnement: 1.005
    receipts:
      - kind: contribution
        fonctionnement: 1000`),
    });
    assert.throws(
      () => parseEntenteText(text, "budget.yaml"),
      (error: unknown) => {
        assert.ok(error instanceof EntenteFileError);
        assert.equal(
          error.message,
          `budget.yaml: 1 problem(s): ${lineOf(text, "1.005")}:9 amount.too_many_decimals`,
        );
        return true;
      },
    );
  });
});

describe("readEntenteFile", () => {
  it("a missing file → EntenteError file.not_found with the path and the cause", async () => {
    const path = join(tmpdir(), "entente-does-not-exist", "entente.yaml");
    await assert.rejects(readEntenteFile(path), (error: unknown) => {
      assert.ok(error instanceof EntenteError);
      assert.equal(error.code, "file.not_found");
      assert.deepEqual(error.details, { file: path });
      assert.equal((error.cause as NodeJS.ErrnoException).code, "ENOENT");
      return true;
    });
  });

  it("a folder → EntenteError file.unreadable", async () => {
    const folder = mkdtempSync(join(tmpdir(), "entente-folder-"));
    await assert.rejects(readEntenteFile(folder), (error: unknown) => {
      assert.ok(error instanceof EntenteError);
      assert.equal(error.code, "file.unreadable");
      return true;
    });
  });
});

describe("fieldOf", () => {
  const cases: [readonly (string | number)[], string][] = [
    [[], ""],
    [["members"], "members"],
    [["exercises", 1, "expenses", 3, "investissement"], "exercises[1].expenses[3].investissement"],
    [["keys", 0, "percent", "ville-lyon"], "keys[0].percent.ville-lyon"],
  ];
  for (const [path, expected] of cases) {
    it(`${JSON.stringify(path)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(fieldOf(path), expected);
    });
  }
});
