import { EntenteFileError } from "../../shared/entente-file-error.ts";

/** The line of the first byte that does not start or continue a valid UTF-8 sequence. */
function lineOfFirstInvalidByte(bytes: Buffer): number {
  const valid = new TextDecoder("utf-8").decode(bytes);
  const bad = valid.indexOf("\uFFFD");
  return valid.slice(0, Math.max(bad, 0)).split("\n").length;
}

function notUtf8(file: string, encoding: string, line: number): EntenteFileError {
  return new EntenteFileError(file, [
    { code: "file.not_utf8", path: [], details: { encoding }, file, field: "", line, column: 1 },
  ]);
}

/**
 * Decodes a file as UTF-8 (a leading BOM is allowed), refusing other encodings instead of
 * garbling names: UTF-16 (Windows "Unicode") and Latin-1/Windows-1252 are common mistakes.
 * @throws EntenteFileError `file.not_utf8` at the first invalid byte's line.
 */
export function decodeUtf8(bytes: Buffer, file: string): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) throw notUtf8(file, "UTF-16", 1);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // The decoder's TypeError says only "invalid data"; this error says where and what to do
    // (EntenteFileError carries located issues, not a cause).
    throw notUtf8(file, "Latin-1 / Windows-1252 ?", lineOfFirstInvalidByte(bytes));
  }
}
