import { readFile } from "node:fs/promises";
import { type Document, isScalar, LineCounter, parseDocument, visit } from "yaml";
import { EntenteFileError } from "../../shared/entente-file-error.ts";
import { EntenteFile, type EntenteFileData } from "../contracts/entente-file.ts";
import { assertValidEntente } from "../domain/assert-valid-entente.ts";
import type { Entente } from "../domain/entente.ts";
import { EntenteError, type Issue, localized, ValidationError } from "../errors.ts";
import { decodeUtf8 } from "./decode-utf8.ts";
import { locateIssues } from "./locate-issues.ts";
import { relocateIssues } from "./relocate-issues.ts";
import { toEntente } from "./to-entente.ts";
import { zodIssuesToIssues } from "./zod-issue-to-issue.ts";

interface ParsedText {
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  readonly file: string;
}

/**
 * Step 1: the YAML document, every number kept as its source text ("45276.50", "30.6"), so that
 * amounts never become floats.
 * @throws EntenteFileError `file.invalid_yaml` at each syntax error.
 */
function parseYaml(text: string, file: string): ParsedText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new EntenteFileError(
      file,
      doc.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return {
          code: "file.invalid_yaml",
          path: [],
          details: { reason: error.message.split("\n")[0] ?? error.code },
          file,
          field: "",
          line: position.line,
          column: position.col,
        };
      }),
    );
  }
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === "number" && node.source !== undefined)
        node.value = node.source;
    },
  });
  return { doc, lineCounter, file };
}

/** Step 2: the shape of the file (zod). @throws EntenteFileError with every problem, located. */
function checkShape(parsed: ParsedText): EntenteFileData {
  const raw: unknown = parsed.doc.toJS();
  const result = EntenteFile.safeParse(raw);
  if (!result.success)
    throw new EntenteFileError(
      parsed.file,
      locateIssues(zodIssuesToIssues(EntenteFile, result.error, raw), parsed),
    );
  return result.data;
}

/** Step 3: the domain model. @throws EntenteFileError with every amount or rate that does not read. */
function toModel(data: EntenteFileData, parsed: ParsedText): Entente {
  const issues: Issue[] = [];
  const entente = toEntente(data, issues);
  if (issues.length > 0) throw new EntenteFileError(parsed.file, locateIssues(issues, parsed));
  return entente;
}

/** Step 4: the rules of the finance engine. @throws EntenteFileError with every rule broken, located. */
function checkRules(entente: Entente, data: EntenteFileData, parsed: ParsedText): void {
  try {
    assertValidEntente(entente);
  } catch (error) {
    if (error instanceof ValidationError)
      throw new EntenteFileError(parsed.file, locateIssues(relocateIssues(error.issues, data), parsed));
    throw error;
  }
}

/**
 * Parses and validates an entente file's text (YAML 1.2, which includes JSON). Numbers are taken
 * from their source text, never through a float. Every problem is reported at once with its
 * line, column and field.
 *
 * @param file the name shown in messages.
 * @throws EntenteFileError with all located issues (invalid YAML, schema, amounts, domain rules).
 */
export function parseEntenteText(text: string, file: string): Entente {
  const parsed = parseYaml(text, file);
  const data = checkShape(parsed);
  const entente = toModel(data, parsed);
  checkRules(entente, data, parsed);
  return entente;
}

/**
 * Reads an entente file from disk and parses it (`parseEntenteText`).
 * @throws EntenteError `file.not_found` / `file.unreadable`; EntenteFileError for its content.
 */
export async function readEntenteFile(path: string): Promise<Entente> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new EntenteError("file.not_found", { file: path }, { cause: error });
    throw new EntenteError(
      "file.unreadable",
      {
        file: path,
        reason: code === "EISDIR" ? localized("c'est un dossier", "it is a folder") : String(code ?? error),
      },
      { cause: error },
    );
  }
  return parseEntenteText(decodeUtf8(bytes, path), path);
}
