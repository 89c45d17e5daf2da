import { checkSides, type ImageProblem, problem } from "./image-problem.ts";

/** Start-of-frame markers (ITU T.81 Table B.1): C0–CF but DHT (C4), JPG (C8) and DAC (CC). */
const isFrameStart = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** Markers without a length: RST0–7 and TEM (T.81 §B.1.1.3). */
const isStandalone = (marker: number) => (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01;

const TRUNCATED = problem("JPEG tronqué : EOI manque", "truncated JPEG: EOI is missing");

/**
 * The marker structure of a JPEG (ITU T.81 Annex B), from SOI to EOI: every segment's length
 * within the file, one frame (SOF) with sane dimensions and 1 to 4 components before the first
 * scan (SOS), each scan's entropy-coded data ended by a marker, EOI last with nothing after it.
 * No JPEG decoder is in package.json or node_modules, so the check stops at the structure: the
 * Huffman-coded data is not decoded.
 */
export function checkJpeg(bytes: Uint8Array): ImageProblem | null {
  let offset = 2;
  let frame = false;
  let scan = false;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff)
      return problem(`JPEG mal formé à l'octet ${offset}`, `malformed JPEG at byte ${offset}`);
    while (bytes[offset] === 0xff) offset++;
    const marker = bytes[offset++] ?? -1;
    if (marker === -1) return TRUNCATED;
    if (marker === 0xd9) {
      if (!frame || !scan) return problem("JPEG sans image (SOF, SOS)", "JPEG without an image (SOF, SOS)");
      if (offset !== bytes.length)
        return problem("des octets suivent la fin du JPEG (EOI)", "bytes follow the end of the JPEG (EOI)");
      return null;
    }
    if (isStandalone(marker)) continue;
    // 02–BF are reserved, 00 is not a marker, a second SOI has no place (T.81 Table B.1).
    if (marker < 0xc0 || marker === 0xd8)
      return problem(`JPEG mal formé à l'octet ${offset - 1}`, `malformed JPEG at byte ${offset - 1}`);
    if (offset + 2 > bytes.length) return TRUNCATED;
    const length = ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
    if (length < 2 || offset + length > bytes.length) return TRUNCATED;
    const segment = bytes.subarray(offset + 2, offset + length);
    offset += length;
    if (isFrameStart(marker)) {
      if (frame) return problem("JPEG à plusieurs SOF", "JPEG with several SOF");
      const wrong = checkFrame(segment);
      if (wrong !== null) return wrong;
      frame = true;
    } else if (marker === 0xda) {
      if (!frame) return problem("JPEG : SOS avant SOF", "JPEG: SOS before SOF");
      scan = true;
      offset = endOfEntropyCodedData(bytes, offset);
    }
  }
  return TRUNCATED;
}

/** SOF: precision, height, width, components (1–4), 3 bytes each (T.81 §B.2.2). */
function checkFrame(segment: Uint8Array): ImageProblem | null {
  const height = ((segment[1] ?? 0) << 8) | (segment[2] ?? 0);
  const width = ((segment[3] ?? 0) << 8) | (segment[4] ?? 0);
  const components = segment[5] ?? 0;
  if (components < 1 || components > 4 || segment.length !== 6 + 3 * components)
    return problem("JPEG : en-tête SOF invalide", "JPEG: invalid SOF header");
  return checkSides(width, height);
}

/** Where the scan's data ends: the first marker that is neither a stuffed 00 nor an RST. */
function endOfEntropyCodedData(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 1 < bytes.length; i++) {
    const next = bytes[i + 1] ?? 0;
    if (bytes[i] === 0xff && next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) return i;
  }
  return bytes.length;
}
