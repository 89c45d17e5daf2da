import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderRefusedPage } from "./sign-in-pages.ts";

const pc = { lang: "fr" as const, uid: "u1", path: "/interaction/u1", requestId: "req-1" };

describe("the refusal page", () => {
  it("names whom to ask: a link for a URL, escaped", () => {
    const page = renderRefusedPage(pc, {
      csrf: null,
      message: "l'accès n'est pas ouvert à votre organisation.",
      code: "identity.service_refused",
      contact: 'https://support.example.fr/visio?a="b"',
    });
    assert.match(page, /Pour demander l&#39;accès, adressez-vous à :/);
    assert.match(page, /<a href="https:\/\/support\.example\.fr\/visio\?a=&quot;b&quot;">/);
  });

  it("shows no contact line when none is known (the message names the secretariat)", () => {
    const page = renderRefusedPage(pc, { csrf: null, message: "refusé", code: "identity.service_refused" });
    assert.doesNotMatch(page, /adressez-vous/);
  });
});
