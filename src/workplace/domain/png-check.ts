import { unzlibSync } from "fflate";
import { checkSides, type ImageProblem, problem } from "./image-problem.ts";

/**
 * The whole structure of a PNG (ISO/IEC 15948, W3C PNG 3rd ed.), so that what is stored shows as
 * an image: the signature, IHDR first with sane dimensions and a valid bit depth and colour type,
 * every chunk well-formed (length within the file, type of four letters, correct CRC-32), no
 * unknown critical chunk, PLTE for a palette image, the IDAT chunks together, IEND last with
 * nothing after it, and the IDAT stream inflating to exactly the rows the header announces, each
 * with a known filter.
 *
 * Written here rather than with pngjs: pngjs is in node_modules only as qrcode's dependency, not
 * declared in package.json (this change cannot add it to the lock), it has no types, and it
 * decodes every pixel to RGBA, which a check does not need. fflate, a declared dependency,
 * inflates; the inflated size is bounded by the header (at most MAX_LOGO_SIDE² pixels).
 */
export function checkPng(bytes: Uint8Array): ImageProblem | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let header: PngHeader | null = null;
  let palette = false;
  const idat: Uint8Array[] = [];
  let idatEnded = false;
  for (let index = 0; ; index++) {
    if (offset + 12 > bytes.length)
      return problem("PNG tronqué : IEND manque", "truncated PNG: IEND is missing");
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const where = `chunk ${index + 1}`;
    if (!/^[A-Za-z]{4}$/.test(type))
      return problem(`PNG mal formé : ${where} sans type`, `malformed PNG: ${where} has no type`);
    if (index === 0 && type !== "IHDR")
      return problem(
        "PNG mal formé : pas d'en-tête IHDR après la signature",
        "malformed PNG: no IHDR header after the signature",
      );
    if (offset + 12 + length > bytes.length)
      return problem(`PNG tronqué dans le chunk ${type}`, `truncated PNG inside the ${type} chunk`);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length))
      return problem(`PNG abîmé : CRC faux du chunk ${type}`, `damaged PNG: wrong CRC of the ${type} chunk`);
    offset += 12 + length;
    if (index === 0) {
      if (type !== "IHDR")
        return problem("PNG mal formé : IHDR n'est pas le premier", "malformed PNG: IHDR is not first");
      const read = readHeader(data);
      if ("fr" in read) return read;
      header = read;
      continue;
    }
    if (header === null) return problem("PNG mal formé", "malformed PNG");
    if (type === "IEND") {
      if (offset !== bytes.length)
        return problem("des octets suivent la fin du PNG (IEND)", "bytes follow the end of the PNG (IEND)");
      if (header.colourType === 3 && !palette)
        return problem("PNG à palette sans PLTE", "palette PNG without PLTE");
      return checkImageData(header, idat);
    }
    if (type === "IDAT") {
      if (idatEnded) return problem("PNG mal formé : IDAT séparés", "malformed PNG: IDAT chunks apart");
      idat.push(data);
    } else if (idat.length > 0) idatEnded = true;
    if (type === "PLTE") palette = true;
    const critical = (type.charCodeAt(0) & 0x20) === 0;
    if (critical && !["IDAT", "PLTE"].includes(type))
      return problem(`PNG : chunk critique inconnu ${type}`, `PNG: unknown critical chunk ${type}`);
  }
}

type PngHeader = { width: number; height: number; bitDepth: number; colourType: number; interlaced: boolean };

/** Bit depths allowed per colour type, and samples per pixel (ISO/IEC 15948 §11.2.2). */
const COLOUR_TYPES: Record<number, { depths: readonly number[]; samples: number }> = {
  0: { depths: [1, 2, 4, 8, 16], samples: 1 },
  2: { depths: [8, 16], samples: 3 },
  3: { depths: [1, 2, 4, 8], samples: 1 },
  4: { depths: [8, 16], samples: 2 },
  6: { depths: [8, 16], samples: 4 },
};

function readHeader(data: Uint8Array): PngHeader | ImageProblem {
  if (data.length !== 13)
    return problem("PNG mal formé : IHDR de mauvaise taille", "malformed PNG: IHDR of the wrong size");
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const [bitDepth = 0, colourType = 0, compression, filter, interlace = 0] = data.subarray(8);
  const sides = checkSides(width, height);
  if (sides !== null) return sides;
  const allowed = COLOUR_TYPES[colourType];
  if (
    allowed === undefined ||
    !allowed.depths.includes(bitDepth) ||
    compression !== 0 ||
    filter !== 0 ||
    interlace > 1
  )
    return problem("PNG : en-tête IHDR invalide", "PNG: invalid IHDR header");
  return { width, height, bitDepth, colourType, interlaced: interlace === 1 };
}

/** Adam7's passes (start column, start row, steps), or the whole image when not interlaced. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** The IDAT stream inflates to exactly the header's rows, each starting with a filter 0–4. */
function checkImageData(header: PngHeader, idat: readonly Uint8Array[]): ImageProblem | null {
  if (idat.length === 0) return problem("PNG sans données d'image (IDAT)", "PNG without image data (IDAT)");
  const bitsPerPixel = header.bitDepth * (COLOUR_TYPES[header.colourType]?.samples ?? 1);
  const passes = header.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  const rows: number[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const width = Math.ceil((header.width - x0) / dx);
    const height = Math.ceil((header.height - y0) / dy);
    if (width > 0 && height > 0)
      for (let r = 0; r < height; r++) rows.push(1 + Math.ceil((width * bitsPerPixel) / 8));
  }
  const expected = rows.reduce((a, b) => a + b, 0);
  const stream = new Uint8Array(idat.reduce((n, chunk) => n + chunk.length, 0));
  let filled = 0;
  for (const chunk of idat) {
    stream.set(chunk, filled);
    filled += chunk.length;
  }
  let pixels: Uint8Array;
  try {
    pixels = unzlibSync(stream, { out: new Uint8Array(expected + 1) });
  } catch {
    return problem("PNG abîmé : données d'image illisibles", "damaged PNG: unreadable image data");
  }
  if (pixels.length > expected)
    return problem(
      `PNG abîmé : plus d'octets d'image que les ${expected} de l'en-tête`,
      `damaged PNG: more bytes of image than the header's ${expected}`,
    );
  if (pixels.length < expected)
    return problem(
      `PNG abîmé : ${pixels.length} octets d'image au lieu de ${expected}`,
      `damaged PNG: ${pixels.length} bytes of image instead of ${expected}`,
    );
  let at = 0;
  for (const size of rows) {
    if ((pixels[at] ?? 5) > 4)
      return problem("PNG abîmé : filtre de ligne inconnu", "damaged PNG: unknown row filter");
    at += size;
  }
  return null;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 of PNG chunks (ISO/IEC 15948 Annex D); node:zlib's is out of reach of a pure layer. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
