import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { guidBytesToUuid } from "./guid.ts";

describe("guidBytesToUuid (AD objectGUID, MS-DTYP §2.3.4)", () => {
  it("turns Microsoft's documented example into its canonical text", () => {
    // MS-DTYP §2.3.4.3: {6B29FC40-CA47-1067-B31D-00DD010662DA}, bytes as stored on the wire.
    const bytes = Buffer.from("40fc296b47ca6710b31d00dd010662da", "hex");
    assert.equal(guidBytesToUuid(bytes), "6b29fc40-ca47-1067-b31d-00dd010662da");
  });

  it("is not a plain hex dump (the first three groups are little-endian)", () => {
    const bytes = Buffer.from("00112233445566778899aabbccddeeff", "hex");
    assert.equal(guidBytesToUuid(bytes), "33221100-5544-7766-8899-aabbccddeeff");
  });

  it("refuses a value that is not 16 bytes", () => {
    assert.throws(() => guidBytesToUuid(Buffer.alloc(15)), RangeError);
    assert.throws(() => guidBytesToUuid(Buffer.alloc(17)), RangeError);
  });
});
