import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { guidBytesToUuid, sidBytesToString } from "./guid.ts";

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

/** A binary SID built from its parts (MS-DTYP §2.4.2.2), independently of the decoder. */
function sid(revision: number, authorityHex: string, subs: readonly number[]): Buffer {
  const head = Buffer.from([revision, subs.length, ...Buffer.from(authorityHex, "hex")]);
  const tail = subs.map((n) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  });
  return Buffer.concat([head, ...tail]);
}

describe("sidBytesToString (AD objectSid, MS-DTYP §2.4.2)", () => {
  it("writes well-known and domain SIDs in their string form", () => {
    assert.equal(sidBytesToString(Buffer.from("010100000000000512000000", "hex")), "S-1-5-18");
    const domainAdmins = sid(1, "000000000005", [21, 1004336348, 1177238915, 682003330, 512]);
    assert.equal(sidBytesToString(domainAdmins), "S-1-5-21-1004336348-1177238915-682003330-512");
  });

  it("shows an authority of 2^32 or more in hex, and keeps SIDs that differ in any byte apart", () => {
    assert.equal(sidBytesToString(sid(1, "010000000000", [])), "S-1-0x010000000000");
    const a = sid(1, "000000000005", [21, 0x80000000, 0xfffffffe]);
    const b = sid(1, "000000000005", [21, 0x80000000, 0xffffffff]);
    assert.notEqual(sidBytesToString(a), sidBytesToString(b));
  });

  it("refuses a value whose length does not match its count", () => {
    assert.throws(() => sidBytesToString(sid(1, "000000000005", [21, 1]).subarray(0, 14)), RangeError);
    assert.throws(() => sidBytesToString(Buffer.alloc(4)), RangeError);
  });
});
