import { crc32, deflateRawSync } from "node:zlib";

/** One file of an ODF package: its path inside the package and its bytes. */
export interface PackageEntry {
  readonly name: string;
  readonly data: Buffer;
}

// Why a ZIP writer of our own (about 60 lines, PKWARE APPNOTE 6.3.10 §4.3): ODF 1.3 part 2 §3.3
// wants the `mimetype` entry first and stored (not compressed), so that its bytes sit at a fixed
// offset. The only ZIP writer among the dependencies (SheetJS's CFB, `@e965/xlsx`) sorts the
// entries (META-INF/ first) and compresses all or none; `node:zlib` does the deflate and the CRC.
// Replace with `fflate` (`zipSync`, per-file `level: 0`, insertion order) once it is a dependency.

// A fixed MS-DOS date (1980-01-01 00:00): the same figures give the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
// General purpose flag bit 11: names are UTF-8 (APPNOTE appendix D).
const UTF8_NAMES = 0x0800;

interface Written {
  readonly name: Buffer;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly body: Buffer;
  readonly offset: number;
}

function localHeader(entry: Written): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(UTF8_NAMES, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.body.length, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, entry.name, entry.body]);
}

function centralHeader(entry: Written): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(UTF8_NAMES, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.body.length, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, entry.name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return end;
}

/**
 * Writes an ODF package (ODF 1.3 part 2 §3): a ZIP file whose first entry is `mimetype`, stored
 * uncompressed, holding `mediaType`; the other entries follow in the given order, deflated.
 * Sizes stay far below the 4 GiB of ZIP without ZIP64 (documents of a few kilobytes).
 */
export function writeOdfPackage(mediaType: string, entries: readonly PackageEntry[]): Buffer {
  const all = [{ name: "mimetype", data: Buffer.from(mediaType, "ascii") }, ...entries];
  const written: Written[] = [];
  const parts: Buffer[] = [];
  let offset = 0;
  for (const [index, entry] of all.entries()) {
    const method = index === 0 ? 0 : 8;
    const body = method === 0 ? entry.data : deflateRawSync(entry.data);
    const one = {
      name: Buffer.from(entry.name, "utf8"),
      method,
      crc: crc32(entry.data),
      size: entry.data.length,
      body,
      offset,
    };
    written.push(one);
    const local = localHeader(one);
    parts.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(written.map(centralHeader));
  return Buffer.concat([...parts, central, endOfCentralDirectory(written.length, central.length, offset)]);
}
