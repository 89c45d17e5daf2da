import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pngOf } from "../../../test/fixtures/images.ts";
import { formatMessage } from "../../shared/errors.ts";
import { EntenteError, ValidationError } from "../errors.ts";
import { validateAnnouncement } from "./announcement.ts";
import { validateCatalogueFields } from "./catalogue-entry.ts";
import { validateIncident } from "./incident.ts";
import { checkLogo, MAX_LOGO_BYTES, monogramLetters, monogramSvg } from "./logo.ts";
import { validateSubscription } from "./subscription.ts";

const DRAFT = {
  kind: "video",
  description: "Visioconférence de l'entente",
  url: "https://visio.lyon.test/",
  maturity: "stable",
  documentationUrl: null,
  supportUrl: "https://support.lyon.test/visio",
  displayOrder: 1,
};

describe("validateCatalogueFields", () => {
  it("accepts a complete entry", () => {
    assert.equal(validateCatalogueFields(DRAFT).kind, "video");
  });

  it("reports every wrong field at once: kind, maturity, http, credentials in a URL, order", () => {
    assert.throws(
      () =>
        validateCatalogueFields({
          ...DRAFT,
          kind: "game",
          maturity: "gold",
          url: "http://visio.lyon.test/",
          supportUrl: "https://user:pw@support.lyon.test/",
          displayOrder: -1,
        }),
      (error) => {
        assert.ok(error instanceof ValidationError);
        assert.deepEqual(
          error.issues.map((i) => i.details.field),
          ["kind", "maturity", "url", "supportUrl", "displayOrder"],
        );
        return true;
      },
    );
  });
});

const PNG = pngOf(2, 2);

describe("logos", () => {
  it("accepts a PNG declared as one", () => {
    assert.equal(checkLogo(PNG, "image/png"), "image/png");
  });

  const refused: [string, Uint8Array, string, RegExp][] = [
    [
      "an SVG",
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
      "image/svg+xml",
      /SVG/,
    ],
    ["a PNG declared as JPEG", PNG, "image/jpeg", /declared image\/jpeg/],
    ["an empty file", new Uint8Array(), "image/png", /empty/],
    ["a file too large", new Uint8Array(MAX_LOGO_BYTES + 1).fill(0x89), "image/png", /more than/],
    ["text", new TextEncoder().encode("hello"), "image/png", /not a PNG/],
  ];
  for (const [what, bytes, type, reason] of refused) {
    it(`refuses ${what}`, () => {
      assert.throws(
        () => checkLogo(bytes, type),
        (e) =>
          e instanceof EntenteError &&
          e.code === "workplace.logo_invalid" &&
          reason.test(formatMessage(e.code, e.details, "en")) &&
          !/\b(is|not|bytes|file)\b/.test(formatMessage(e.code, e.details, "fr").split(":")[1] ?? ""),
      );
    });
  }

  const SUBSCRIPTION = {
    startsOn: "2026-01-01",
    endsOn: null,
    roles: null,
    groups: null,
    seats: null,
    storagePerAccount: null,
    storagePerMember: null,
  };

  it("says what is expected in French in French and in English in English", () => {
    const english =
      /\b(one of|at most|an integer|non-negative|a real|a URL|an absolute|a day|or null|on or after)\b/;
    const cases: [() => unknown, string][] = [
      [
        () =>
          validateIncident({
            kind: "incident",
            title: "Visio",
            impact: "down",
            status: "investigating",
            startsAt: "2026-02-30T20:00:00+01:00",
            endsAt: null,
            clientIds: ["visio"],
            memberIds: [],
            message: "Coupure",
          }),
        "date et heure réelles",
      ],
      [
        () =>
          validateAnnouncement(
            {
              title: "Annonce",
              body: "",
              shownFrom: "2026-02-30",
              shownUntil: null,
              memberIds: null,
              roles: null,
              groups: null,
              requiresAck: false,
            },
            [],
            null,
          ),
        "un jour écrit AAAA-MM-JJ",
      ],
      [
        () => validateCatalogueFields({ ...DRAFT, kind: "nope", url: "ftp:x" }),
        "« kind » : l'une des valeurs",
      ],
      [
        () => validateSubscription({ ...SUBSCRIPTION, startsOn: "2026-12-31", endsOn: "2026-01-01" }),
        "postérieur au début",
      ],
      [
        () => validateSubscription({ ...SUBSCRIPTION, storagePerAccount: { value: 1.5, unit: "GiB" } }),
        "entier positif",
      ],
    ];
    for (const [run, french] of cases) {
      assert.throws(run, (e) => {
        assert.ok(e instanceof ValidationError);
        for (const issue of e.issues) {
          const fr = formatMessage(issue.code, issue.details, "fr");
          const en = formatMessage(issue.code, issue.details, "en");
          assert.doesNotMatch(fr, english, fr);
          assert.match(en, english, en);
        }
        const all = e.issues.map((i) => formatMessage(i.code, i.details, "fr")).join(" ");
        assert.ok(all.includes(french), all);
        return true;
      });
    }
  });

  it("names the missing thing in each language, in that language", () => {
    const error = new EntenteError("workplace.not_found", { what: "entente", id: "nope" });
    assert.equal(
      formatMessage(error.code, error.details, "fr"),
      "Entente « nope » introuvable : vérifiez l'identifiant.",
    );
    assert.equal(formatMessage(error.code, error.details, "en"), 'Entente "nope" not found: check the id.');
    const announcement = new EntenteError("workplace.not_found", { what: "announcement", id: "a1" });
    assert.match(formatMessage(announcement.code, announcement.details, "fr"), /^Annonce « a1 »/);
  });

  it("generates a monogram from the initials, with the name escaped", () => {
    assert.equal(monogramLetters("Visio de l'entente"), "VD");
    assert.equal(monogramLetters("élan"), "É");
    const svg = monogramSvg("x", `<script>alert("x")</script> Chat`);
    assert.ok(!svg.includes("<script>"), svg);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /&lt;script&gt;/);
  });
});
