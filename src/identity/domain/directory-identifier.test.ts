import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EntenteError } from "../errors.ts";
import { encodingsFor, ensureIdEncodingFits, isBinaryAttribute } from "./directory-identifier.ts";

const refused = (idAttribute: string, idEncoding: "text" | "guid" | "sid" | "base64") => {
  try {
    ensureIdEncodingFits({ idAttribute, idEncoding });
  } catch (error) {
    assert.ok(error instanceof EntenteError);
    assert.equal(error.code, "identity.source_invalid");
    assert.equal(error.details.field, "ldap.idEncoding");
    return error.message;
  }
  return null;
};

describe("directory identifiers: a binary one is never read as text (issue 10, item 8)", () => {
  it("knows AD's binary identifiers and the ;binary option, whatever the case", () => {
    for (const name of [
      "objectGUID",
      "OBJECTSID",
      "msDS-ConsistencyGuid",
      "mS-DS-ConsistencyGuid",
      "GUID",
      "x;binary",
    ]) {
      assert.equal(isBinaryAttribute(name), true, name);
    }
    for (const name of ["entryUUID", "uid", "ipaUniqueID", "nsUniqueId"])
      assert.equal(isBinaryAttribute(name), false, name);
  });

  it("refuses text for every binary attribute, naming the attribute and the encodings that fit", () => {
    assert.match(
      refused("objectGUID", "text") ?? "",
      /"guid", "base64" for the binary attribute "objectGUID"/,
    );
    assert.match(refused("objectSid", "text") ?? "", /"sid", "base64"/);
    assert.match(refused("jpegPhoto;binary", "text") ?? "", /"base64"/);
  });

  it("refuses a layout that is not the attribute's (a SID read as a GUID, a GUID as a SID)", () => {
    assert.notEqual(refused("objectSid", "guid"), null);
    assert.notEqual(refused("objectGUID", "sid"), null);
  });

  it("accepts the fitting encodings, and any for a text attribute (binary ones it does not know)", () => {
    for (const [attribute, encoding] of [
      ["objectGUID", "guid"],
      ["objectGUID", "base64"],
      ["objectSid", "sid"],
      ["entryUUID", "text"],
      ["customBinaryId", "base64"],
    ] as const) {
      assert.equal(refused(attribute, encoding), null, `${attribute} ${encoding}`);
    }
    assert.deepEqual(encodingsFor("entryUUID"), ["text", "guid", "sid", "base64"]);
  });
});
