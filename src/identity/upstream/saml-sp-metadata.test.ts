import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generateSamlSpMetadata } from "./saml-sp-metadata.ts";

describe("generateSamlSpMetadata", () => {
  it("describes our SP: entityID, HTTP-POST ACS, persistent NameID, signed assertions wanted", () => {
    const xml = generateSamlSpMetadata({
      entityId: "https://entente.example/saml/src-ville",
      acsUrl: "https://entente.example/saml/src-ville/acs",
      nameIdFormat: "persistent",
    });
    assert.match(xml, /entityID="https:\/\/entente\.example\/saml\/src-ville"/);
    assert.match(xml, /WantAssertionsSigned="true"/);
    assert.match(
      xml,
      /<AssertionConsumerService[^>]*Binding="urn:oasis:names:tc:SAML:2\.0:bindings:HTTP-POST"[^>]*Location="https:\/\/entente\.example\/saml\/src-ville\/acs"/,
    );
    assert.match(xml, /<NameIDFormat>urn:oasis:names:tc:SAML:2\.0:nameid-format:persistent<\/NameIDFormat>/);
    assert.doesNotMatch(xml, /KeyDescriptor/);
  });

  it("says unspecified when the source identifies people by an attribute", () => {
    const xml = generateSamlSpMetadata({
      entityId: "urn:x",
      acsUrl: "https://e.example/acs",
      nameIdFormat: "unspecified",
    });
    assert.match(xml, /nameid-format:unspecified/);
  });
});
