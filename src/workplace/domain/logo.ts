import { localized } from "../../shared/errors.ts";
import { EntenteError } from "../errors.ts";
import type { ImageProblem } from "./image-problem.ts";
import { checkJpeg } from "./jpeg-check.ts";
import { checkPng } from "./png-check.ts";
import { checkWebp } from "./webp-check.ts";

/**
 * A service's logo (issue 11 §1, "always one"): an uploaded raster image, checked here, or a
 * monogram generated from the service's name.
 *
 * SVG uploads are refused, not sanitised: an SVG is a document that can carry scripts, external
 * references and CSS, and no maintained library sanitises it for being served as an image on our
 * origin; a raster image cannot carry any of that. The monogram is our own SVG, built from
 * escaped text only.
 */

/** Largest uploaded logo, in bytes (256 KiB: a tile needs far less). */
export const MAX_LOGO_BYTES = 256 * 1024;

/** Raster types accepted, recognised by their signature (the declared type must agree), then
 * checked whole by their own check (`png-check.ts`, `jpeg-check.ts`, `webp-check.ts`). */
const SIGNATURES: readonly {
  readonly type: string;
  readonly matches: (b: Uint8Array) => boolean;
  readonly check: (b: Uint8Array) => ImageProblem | null;
}[] = [
  // PNG: 89 50 4E 47 0D 0A 1A 0A (ISO/IEC 15948 §5.2)
  {
    type: "image/png",
    matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    check: checkPng,
  },
  // JPEG: SOI marker FF D8 FF (ITU T.81 Annex B)
  { type: "image/jpeg", matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]), check: checkJpeg },
  // WebP: "RIFF" size "WEBP" (RFC 9649 §2)
  {
    type: "image/webp",
    matches: (b) =>
      startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50]),
    check: checkWebp,
  },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((value, i) => bytes[i] === value);
}

/**
 * The media type of an uploaded logo, checked: not empty, at most `MAX_LOGO_BYTES`, PNG, JPEG or
 * WebP by its signature, the declared type the same as the signature's, and the whole file
 * well-formed for its type (a PNG signature followed by HTML is refused: it would show as a broken
 * image on every tile). The refusal names the field of the upload: `dataBase64`, or `contentType`
 * when the declared type is not the file's.
 * @throws EntenteError `workplace.logo_invalid` naming what is wrong (SVG: refused).
 */
export function checkLogo(bytes: Uint8Array, declaredType: string): string {
  const refuse = (fr: string, en: string, field = "dataBase64"): never => {
    throw new EntenteError("workplace.logo_invalid", { reason: localized(fr, en) }, { path: [field] });
  };
  if (bytes.length === 0) refuse("fichier vide", "empty file");
  if (bytes.length > MAX_LOGO_BYTES)
    refuse(
      `${bytes.length} octets, plus de ${MAX_LOGO_BYTES}`,
      `${bytes.length} bytes, more than ${MAX_LOGO_BYTES}`,
    );
  const found = SIGNATURES.find((s) => s.matches(bytes));
  if (found === undefined) {
    const text = new TextDecoder().decode(bytes.subarray(0, 512)).toLowerCase();
    if (text.includes("<svg") || declaredType.includes("svg"))
      refuse("le SVG n'est pas accepté", "SVG is not accepted");
    return refuse("ce n'est pas une image PNG, JPEG ou WebP", "not a PNG, JPEG or WebP image");
  }
  if (found.type !== declaredType.toLowerCase()) {
    refuse(
      `déclaré ${declaredType} mais le fichier est ${found.type}`,
      `declared ${declaredType} but the file is ${found.type}`,
      "contentType",
    );
  }
  const wrong = found.check(bytes);
  if (wrong !== null) refuse(wrong.fr, wrong.en);
  return found.type;
}

const PALETTE = ["#000091", "#18753c", "#b34000", "#6a6af4", "#a94645", "#009099", "#716043", "#8585f6"];

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );

/** One or two letters of a name: the initials of its first two words ("Visio Lyon" → "VL"). */
export function monogramLetters(name: string): string {
  const words = name
    .normalize("NFC")
    .split(/[\s\-_'’.]+/u)
    .filter((w) => /\p{L}|\p{N}/u.test(w));
  const initials = words.slice(0, 2).map((w) => [...w.replace(/[^\p{L}\p{N}]/gu, "")][0] ?? "");
  return initials.join("").toLocaleUpperCase("fr") || "?";
}

/**
 * The generated logo of a service without an uploaded one: a 64×64 SVG square with its
 * initials, the colour chosen from the id (stable across renames of the name). Text escaped.
 * @example monogramSvg("visio", "Visio Lyon") // '<svg …>…VL</text></svg>'
 */
export function monogramSvg(clientId: string, name: string): string {
  let hash = 0;
  for (const char of clientId) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  const colour = PALETTE[hash % PALETTE.length] ?? "#000091";
  const letters = escapeXml(monogramLetters(name));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img" aria-label="${escapeXml(name)}">` +
    `<rect width="64" height="64" rx="12" fill="${colour}"/>` +
    `<text x="32" y="41" text-anchor="middle" font-family="Marianne, Arial, sans-serif" font-size="24" font-weight="700" fill="#ffffff">${letters}</text></svg>`
  );
}
