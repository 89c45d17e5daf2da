import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/**
 * Opens a text document (ODT) in LibreOffice Writer, headless, with a private profile, and
 * returns its text as LibreOffice reads it (filter "Text (encoded)", UTF-8). Bounded by a
 * timeout; the profile and the output are removed in every path.
 * @throws Error when LibreOffice cannot load the file (what a user would see as a broken file).
 */
export function libreOfficeText(file: string): string {
  const out = mkdtempSync(join(tmpdir(), "entente-lo-odt-"));
  try {
    execFileSync(
      "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${out}/profile`,
        "--convert-to",
        "txt:Text (encoded):UTF8",
        "--outdir",
        out,
        file,
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
    const name = `${basename(file).replace(/\.[^.]+$/, "")}.txt`;
    if (!readdirSync(out).includes(name)) throw new Error(`LibreOffice could not open ${file}`);
    return readFileSync(join(out, name), "utf8");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
