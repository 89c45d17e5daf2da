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
