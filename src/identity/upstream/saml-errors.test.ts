import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SamlStatusError } from "@node-saml/node-saml";
import type { SourceRecord } from "../domain/identity-source.ts";
import { EntenteError, formatMessage } from "../errors.ts";
import { mapSamlError } from "./saml-errors.ts";

const SOURCE = { label: "IdP SAML de la Ville" } as SourceRecord;

// node-saml 5's own messages (node_modules/@node-saml/node-saml/lib/saml.js), as it throws them.
const LIBRARY_MESSAGES: readonly [string, RegExp, RegExp][] = [
  ["Invalid signature", /signature invalide/, /invalid signature/],
  ["Invalid document signature", /signature invalide/, /invalid signature/],
  ["Invalid signature: multiple assertions", /signature invalide/, /invalid signature/],
  ["Too many signatures found for this element", /signature invalide/, /invalid signature/],
  ["SAML assertion audience mismatch. Expected: a Received: b", /autre service/, /another service/],
  ["SAML assertion has no AudienceRestriction", /autre service/, /another service/],
  ["Unknown SAML issuer. Expected: a Received: b", /émetteur inattendu/, /unexpected issuer/],
  ["Missing SAML issuer", /émetteur inattendu/, /unexpected issuer/],
  ["SAML assertion expired: clocks skewed too much", /réponse expirée/, /expired/],
  ["SAML assertion not yet valid", /pas encore valide/, /not yet valid/],
  [
    "No valid subject confirmation found among those available in the SAML assertion",
    /réponse expirée/,
    /expired/,
  ],
  ["Missing SAML NameID", /NameID/, /NameID/],
  ["Invalid EncryptedAssertion content", /chiffrée/, /encrypted/],
  ["Missing SAML assertion", /aucune assertion/, /no usable assertion/],
  ["Not a valid XML document", /illisible/, /unreadable/],
  ["Unknown SAML response message", /illisible/, /unreadable/],
  ["Something new in a later version", /refusée par une vérification/, /refused by a check/],
];

describe("mapSamlError: node-saml's messages reach the person translated", () => {
  for (const [message, fr, en] of LIBRARY_MESSAGES) {
    it(`« ${message} »`, () => {
      const error = mapSamlError(new Error(message), SOURCE);
      assert.equal(error.code, "identity.upstream_rejected");
      const french = formatMessage(error.code, error.details, "fr");
      const english = formatMessage(error.code, error.details, "en");
      assert.match(french, fr);
      assert.match(english, en);
      assert.ok(
        !french.includes(message) && !english.includes(message),
        "the library's text stays in the cause",
      );
      assert.equal((error.cause as Error).message, message);
    });
  }

  it("a non-Success status is upstream_denied with the status explained", () => {
    const xml = "<samlp:Response/>";
    const error = mapSamlError(
      new SamlStatusError(
        "SAML provider returned Responder error: urn:oasis:names:tc:SAML:2.0:status:AuthnFailed",
        xml,
      ),
      SOURCE,
    );
    assert.equal(error.code, "identity.upstream_denied");
    assert.match(formatMessage(error.code, error.details, "fr"), /authentification échouée/);
    assert.match(formatMessage(error.code, error.details, "en"), /authentication failed/);
  });

  it("an unknown InResponseTo is state_lost; an EntenteError passes through", () => {
    assert.equal(mapSamlError(new Error("InResponseTo is not valid"), SOURCE).code, "identity.state_lost");
    const own = new EntenteError("identity.source_unreachable", { source: "x" });
    assert.equal(mapSamlError(own, SOURCE), own);
  });
});
