import { checkSides, type ImageProblem, problem } from "./image-problem.ts";

const TRUNCATED = problem("WebP tronqué", "truncated WebP");

/**
 * The container of a WebP (RFC 9649): the RIFF size equal to the file's, chunks that fill it
 * exactly (each within the file, padded to even), a first chunk VP8, VP8L or VP8X whose header
 * gives sane dimensions (VP8: key frame and start code 9D 01 2A; VP8L: signature 2F, version 0),
 * and after a VP8X an image (VP8, VP8L or ANMF). No WebP decoder is in package.json or
 * node_modules, so the compressed bitstream itself is not decoded.
 */
export function checkWebp(bytes: Uint8Array): ImageProblem | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12) return TRUNCATED;
  const riffSize = view.getUint32(4, true);
  if (riffSize + 8 !== bytes.length)
    return riffSize + 8 > bytes.length
      ? TRUNCATED
      : problem("des octets suivent la fin du WebP", "bytes follow the end of the WebP");
  const chunks: { type: string; data: Uint8Array }[] = [];
  for (let offset = 12; offset < bytes.length; ) {
    if (offset + 8 > bytes.length) return TRUNCATED;
    const type = String.fromCharCode(...bytes.subarray(offset, offset + 4));
    const size = view.getUint32(offset + 4, true);
    if (offset + 8 + size > bytes.length) return TRUNCATED;
    chunks.push({ type, data: bytes.subarray(offset + 8, offset + 8 + size) });
    offset += 8 + size + (size % 2);
  }
  const [first, ...rest] = chunks;
  if (first?.type === "VP8 ") return checkSimpleLossy(first.data);
  if (first?.type === "VP8L") return checkLossless(first.data);
  if (first?.type === "VP8X" && first.data.length >= 10) {
    const u24 = (at: number) =>
      (first.data[at] ?? 0) | ((first.data[at + 1] ?? 0) << 8) | ((first.data[at + 2] ?? 0) << 16);
    if (!rest.some((c) => ["VP8 ", "VP8L", "ANMF"].includes(c.type)))
      return problem("WebP sans image", "WebP without an image");
    return checkSides(u24(4) + 1, u24(7) + 1);
  }
  return problem("WebP : premier chunk inconnu", "WebP: unknown first chunk");
}

/** VP8 key frame header (RFC 6386 §9.1): frame tag, start code, 14-bit width and height. */
function checkSimpleLossy(data: Uint8Array): ImageProblem | null {
  const keyFrame = data.length >= 10 && ((data[0] ?? 1) & 1) === 0;
  if (!keyFrame || data[3] !== 0x9d || data[4] !== 0x01 || data[5] !== 0x2a)
    return problem("WebP : en-tête VP8 invalide", "WebP: invalid VP8 header");
  const width = ((data[6] ?? 0) | ((data[7] ?? 0) << 8)) & 0x3fff;
  const height = ((data[8] ?? 0) | ((data[9] ?? 0) << 8)) & 0x3fff;
  return checkSides(width, height);
}

/** VP8L header (RFC 9649 §3.2): signature 0x2F, then 14-bit width−1, height−1, alpha, version 0. */
function checkLossless(data: Uint8Array): ImageProblem | null {
  if (data.length < 5 || data[0] !== 0x2f)
    return problem("WebP : en-tête VP8L invalide", "WebP: invalid VP8L header");
  const bits = new DataView(data.buffer, data.byteOffset + 1, 4).getUint32(0, true);
  if (bits >>> 29 !== 0) return problem("WebP : en-tête VP8L invalide", "WebP: invalid VP8L header");
  return checkSides((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
}
