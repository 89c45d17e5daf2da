/**
 * Active Directory's `objectGUID` (16 bytes) as canonical lowercase UUID text (RFC 9562 §4).
 * AD stores a GUID in Microsoft's mixed-endian layout (MS-DTYP §2.3.4.2): Data1 (4 bytes), Data2
 * and Data3 (2 bytes each) little-endian, Data4 (8 bytes) as is. Written here because no package
 * of the project converts it; it is a byte shuffle, not a protocol.
 * @throws RangeError when the value is not exactly 16 bytes.
 * @example
 * // MS-DTYP §2.3.4.3's example {6B29FC40-CA47-1067-B31D-00DD010662DA}:
 * guidBytesToUuid(Buffer.from("40fc296b47ca6710b31d00dd010662da", "hex"));
 * // → "6b29fc40-ca47-1067-b31d-00dd010662da"
 */
export function guidBytesToUuid(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new RangeError(`a GUID has 16 bytes, not ${bytes.length}`);
  const hex = (from: number, to: number, reverse: boolean) => {
    const part = Array.from(bytes.slice(from, to));
    return (reverse ? part.reverse() : part).map((b) => b.toString(16).padStart(2, "0")).join("");
  };
  return [hex(0, 4, true), hex(4, 6, true), hex(6, 8, true), hex(8, 10, false), hex(10, 16, false)].join("-");
}

/**
 * Active Directory's `objectSid` (a binary SID, MS-DTYP §2.4.2.2) as its string form (§2.4.2.1):
 * `S-<revision>-<authority>-<sub-authority>…`, the authority in decimal below 2^32 and in hex
 * (`0x…`, 12 digits) above. Revision and count are bytes 0 and 1, the authority 6 bytes
 * big-endian, then each sub-authority 4 bytes little-endian. Lossless: two different valid SIDs
 * give two different strings. Written here for the same reason as `guidBytesToUuid`.
 * @throws RangeError when the length does not match the count of sub-authorities (at most 15).
 * @example sidBytesToString(Buffer.from("010100000000000512000000", "hex")) // "S-1-5-18"
 */
export function sidBytesToString(bytes: Uint8Array): string {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view[1] ?? -1;
  if (view.length < 8 || count > 15 || view.length !== 8 + 4 * count) {
    throw new RangeError(`a SID of ${count} sub-authorities has ${8 + 4 * count} bytes, not ${view.length}`);
  }
  const authority = view.readUIntBE(2, 6);
  const shown = authority < 2 ** 32 ? String(authority) : `0x${view.subarray(2, 8).toString("hex")}`;
  const subs = Array.from({ length: count }, (_, i) => String(view.readUInt32LE(8 + 4 * i)));
  return ["S", String(view[0]), shown, ...subs].join("-");
}
