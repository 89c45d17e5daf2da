import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  JPEG,
  PNG_THEN_HTML,
  palettePng,
  pngChunk,
  pngOf,
  simpleWebp,
  WEBP_LOSSLESS,
  WEBP_LOSSY,
} from "../../../test/fixtures/images.ts";
import { formatMessage } from "../../shared/errors.ts";
import { EntenteError } from "../errors.ts";
import { checkLogo } from "./logo.ts";

const PNG = pngOf(3, 2);
const cut = (bytes: Uint8Array, end: number) => bytes.subarray(0, end < 0 ? bytes.length + end : end);
const join = (...parts: Uint8Array[]) => Buffer.concat(parts);
/** PNG with its chunks from `from` on (8: after the signature) replaced by `rest`. */
const pngWith = (...rest: Uint8Array[]) => join(PNG.subarray(0, 8), ...rest);
const ihdrOf = (png: Uint8Array) => png.subarray(8, 33);
const iend = pngChunk("IEND", new Uint8Array());

describe("checkLogo: the whole image, not its first bytes", () => {
  const accepted: [string, Uint8Array, string][] = [
    ["an RGBA PNG", PNG, "image/png"],
    ["a palette PNG", palettePng(), "image/png"],
    ["an interlaced PNG", pngOf(5, 7, { interlaced: true }), "image/png"],
    ["a 2048 × 1 PNG", pngOf(2048, 1), "image/png"],
    ["a JPEG", JPEG, "image/jpeg"],
    ["an extended lossy WebP", WEBP_LOSSY, "image/webp"],
    ["an extended lossless WebP", WEBP_LOSSLESS, "image/webp"],
    ["a simple lossy WebP", simpleWebp(), "image/webp"],
  ];
  for (const [what, bytes, type] of accepted) {
    it(`accepts ${what}`, () => assert.equal(checkLogo(bytes, type), type));
  }

  const idat = PNG.subarray(33, PNG.length - 12);
  const refused: [string, Uint8Array, string, RegExp][] = [
    [
      "a PNG signature followed by HTML (the tester's file)",
      PNG_THEN_HTML,
      "image/png",
      /malformed PNG: no IHDR header after the signature/,
    ],
    ["a PNG cut in its image data", cut(PNG, -20), "image/png", /truncated PNG inside the IDAT/],
    ["a PNG without IEND", cut(PNG, -12), "image/png", /IEND is missing/],
    ["a PNG cut in its signature's next chunk", cut(PNG, 20), "image/png", /truncated PNG/],
    ["HTML after IEND", join(PNG, Buffer.from("<html>")), "image/png", /bytes follow the end of the PNG/],
    [
      "a wrong CRC",
      pngWith(pngChunk("IHDR", ihdrOf(PNG).subarray(8, 21), 1)),
      "image/png",
      /wrong CRC of the IHDR/,
    ],
    ["IDAT before IHDR", pngWith(idat, ihdrOf(PNG), iend), "image/png", /no IHDR header after the signature/],
    ["a width of 0", pngOf(0, 2), "image/png", /dimensions 0×2/],
    ["a side over 2048 px", pngOf(3000, 1), "image/png", /dimensions 3000×1, expected 1 to 2048/],
    [
      "fewer rows than the header says",
      pngOf(3, 2, { rows: 1 }),
      "image/png",
      /13 bytes of image instead of 26/,
    ],
    [
      "more rows than the header says",
      pngOf(3, 2, { rows: 3 }),
      "image/png",
      /more bytes of image than the header's 26/,
    ],
    ["no IDAT", pngWith(ihdrOf(PNG), iend), "image/png", /without image data/],
    ["a palette PNG without PLTE", palettePng(false), "image/png", /palette PNG without PLTE/],
    [
      "an unknown critical chunk",
      pngWith(ihdrOf(PNG), pngChunk("ABCD", new Uint8Array()), idat, iend),
      "image/png",
      /unknown critical chunk ABCD/,
    ],
    [
      "a JPEG signature followed by HTML",
      join(JPEG.subarray(0, 3), Buffer.from("<html>")),
      "image/jpeg",
      /malformed JPEG/,
    ],
    ["a truncated JPEG", cut(JPEG, -10), "image/jpeg", /truncated JPEG/],
    ["a JPEG without EOI", cut(JPEG, -2), "image/jpeg", /truncated JPEG/],
    ["HTML after EOI", join(JPEG, Buffer.from("<html>")), "image/jpeg", /bytes follow the end of the JPEG/],
    [
      "a JPEG without a frame",
      join(JPEG.subarray(0, 2), Buffer.from([0xff, 0xd9])),
      "image/jpeg",
      /without an image/,
    ],
    ["a truncated WebP", cut(WEBP_LOSSY, -8), "image/webp", /truncated WebP/],
    [
      "HTML after a WebP",
      join(WEBP_LOSSY, Buffer.from("<html>")),
      "image/webp",
      /bytes follow the end of the WebP/,
    ],
    [
      "a RIFF WEBP header then HTML",
      join(
        WEBP_LOSSY.subarray(0, 4),
        Buffer.from([14, 0, 0, 0]),
        Buffer.from("WEBP<html>"),
        Buffer.from([0, 0]),
      ),
      "image/webp",
      /truncated WebP|unknown first chunk/,
    ],
  ];
  for (const [what, bytes, type, reason] of refused) {
    it(`refuses ${what}, at the upload's data, in French then English`, () => {
      assert.throws(
        () => checkLogo(bytes, type),
        (e) => {
          assert.ok(e instanceof EntenteError);
          assert.equal(e.code, "workplace.logo_invalid");
          assert.deepEqual(e.path, ["dataBase64"]);
          assert.match(formatMessage(e.code, e.details, "en"), reason);
          assert.match(formatMessage(e.code, e.details, "fr"), /^logo refusé : \S/);
          return true;
        },
      );
    });
  }

  it("names contentType when the declared type is not the file's", () => {
    assert.throws(
      () => checkLogo(PNG, "image/jpeg"),
      (e) => e instanceof EntenteError && e.path[0] === "contentType",
    );
  });
});
