import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EntenteError } from "../errors.ts";
import { ensureNotSharedMailDomain, isSharedMailDomain } from "./shared-mail-domains.ts";

describe("shared consumer mail domains (issue 10, item 7)", () => {
  it("the providers named by the issue, French and international", () => {
    for (const domain of [
      "gmail.com",
      "outlook.fr",
      "orange.fr",
      "free.fr",
      "laposte.net",
      "wanadoo.fr",
      "sfr.fr",
      "yahoo.fr",
      "yahoo.com",
      "hotmail.fr",
      "hotmail.com",
      "icloud.com",
      "protonmail.com",
      "proton.me",
    ]) {
      assert.equal(isSharedMailDomain(domain), true, domain);
    }
  });

  it("`label.*` covers a top-level domain or a co/com/net/org two-label suffix, and sub-domains", () => {
    assert.equal(isSharedMailDomain("yahoo.co.uk"), true);
    assert.equal(isSharedMailDomain("hotmail.com.br"), true);
    assert.equal(isSharedMailDomain("fr.yahoo.com"), true);
    assert.equal(isSharedMailDomain("smtp.orange.fr"), true);
    // Not a provider: a member's own domain that merely contains a provider's label.
    assert.equal(isSharedMailDomain("hotmail.ville-lyon.fr"), false);
    assert.equal(isSharedMailDomain("yahoo.mairie.gouv.fr"), false);
    assert.equal(isSharedMailDomain("notgmail.com"), false);
    assert.equal(isSharedMailDomain("gmail.com.ville.fr"), false);
    assert.equal(isSharedMailDomain("orange-metropole.fr"), false);
    assert.equal(isSharedMailDomain("ville-lyon.fr"), false);
  });

  it("extra entries (IDENTITY_SHARED_MAIL_DOMAINS) add to the list, same syntax", () => {
    assert.equal(isSharedMailDomain("webmail.example"), false);
    assert.equal(isSharedMailDomain("webmail.example", ["webmail.example"]), true);
    assert.equal(isSharedMailDomain("a.webmail.example", [" WEBMAIL.example "]), true);
    assert.equal(isSharedMailDomain("courriel.fr", ["courriel.*"]), true);
    assert.equal(isSharedMailDomain("gmail.com", ["courriel.*"]), true);
  });

  it("a member domain that is one is refused with identity.domain_shared, naming it", () => {
    assert.throws(
      () => ensureNotSharedMailDomain("wanadoo.fr", []),
      (e) =>
        e instanceof EntenteError && e.code === "identity.domain_shared" && /wanadoo\.fr/.test(e.message),
    );
    assert.doesNotThrow(() => ensureNotSharedMailDomain("ville-lyon.fr", []));
  });
});
