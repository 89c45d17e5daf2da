import { type Zippable, zipSync } from "fflate";

/** One file of an ODF package: its path inside the package and its bytes. */
export interface PackageEntry {
  readonly name: string;
  readonly data: Buffer;
}

// A fixed date (1980-01-01, the ZIP format's first): the same figures give the same bytes.
const MTIME = new Date(1980, 0, 1);

/**
 * An ODF package (ODF 1.3 part 2 §3): the `mimetype` entry first and stored, not compressed, so
 * that its bytes sit at a fixed offset (§3.3), then `entries` deflated, in their order. fflate
 * writes the entries in insertion order with a level per file (checked by
 * test/exports/deliberation-odt.test.ts, which also opens the result in LibreOffice).
 * @param mediaType e.g. `application/vnd.oasis.opendocument.text`.
 * @returns the package's bytes.
 */
export function writeOdfPackage(mediaType: string, entries: readonly PackageEntry[]): Buffer {
  const files: Zippable = {
    mimetype: [new Uint8Array(Buffer.from(mediaType, "ascii")), { level: 0 }],
  };
  for (const entry of entries) files[entry.name] = [new Uint8Array(entry.data), { level: 6 }];
  return Buffer.from(zipSync(files, { mtime: MTIME }));
}
