import { readFile } from "node:fs/promises";
import { type Document, isAlias, isScalar, LineCounter, parseDocument, visit } from "yaml";
import { EntenteFileError } from "../../shared/entente-file-error.ts";
import { findNulCharacter } from "../../shared/nul-character.ts";
import { EntenteFile, type EntenteFileData } from "../contracts/entente-file.ts";
import { assertValidEntente } from "../domain/assert-valid-entente.ts";
import type { Entente } from "../domain/entente.ts";
import { EntenteError, type Issue, type Localized, localized, ValidationError } from "../errors.ts";
import { decodeUtf8 } from "./decode-utf8.ts";
import { findDuplicateKeys } from "./find-duplicate-keys.ts";
import { locateIssues } from "./locate-issues.ts";
import { parseYamlFast } from "./parse-yaml-fast.ts";
import { relocateIssues } from "./relocate-issues.ts";
import { toEntente } from "./to-entente.ts";
import { zodIssuesToIssues } from "./zod-issue-to-issue.ts";

interface ParsedText {
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  readonly file: string;
}

/** A `file.invalid_yaml` issue at the source offset `offset` of the text. */
function yamlIssue(parsed: ParsedText, offset: number, reason: Localized) {
  const position = parsed.lineCounter.linePos(offset);
  return {
    code: "file.invalid_yaml" as const,
    path: [],
    details: { reason },
    file: parsed.file,
    field: "",
    line: position.line,
    column: position.col,
  };
}

/** How many aliases the document may expand (yaml's own default): beyond, an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/**
 * Step 1b: the file's aliases (`*name`) name an anchor set before them, and do not expand
 * beyond {@link MAX_ALIAS_COUNT} nodes (an "alias bomb", a few lines that expand to millions):
 * both are the file's fault, reported at the alias's line rather than as an internal error.
 * @throws EntenteFileError `file.invalid_yaml` at the first alias concerned.
 */
function toPlainData(parsed: ParsedText): unknown {
  const aliases: { offset: number; source: string; resolved: boolean }[] = [];
  visit(parsed.doc, {
    Alias(_, node) {
      if (isAlias(node))
        aliases.push({
          offset: node.range?.[0] ?? 0,
          source: node.source,
          resolved: node.resolve(parsed.doc) !== undefined,
        });
    },
  });
  const unresolved = aliases.filter((alias) => !alias.resolved);
  if (unresolved.length > 0)
    throw new EntenteFileError(
      parsed.file,
      unresolved.map((alias) =>
        yamlIssue(
          parsed,
          alias.offset,
          localized(
            `l'alias *${alias.source} ne renvoie à aucune ancre &${alias.source} définie avant lui`,
            `alias *${alias.source} refers to no anchor &${alias.source} set before it`,
          ),
        ),
      ),
    );
  try {
    return parsed.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError) || aliases.length === 0) throw error;
    throw new EntenteFileError(parsed.file, [
      yamlIssue(
        parsed,
        aliases[0]?.offset ?? 0,
        localized(
          `les alias (*nom) se développent en plus de ${MAX_ALIAS_COUNT} nœuds : écrivez les valeurs`,
          `the aliases (*name) expand to more than ${MAX_ALIAS_COUNT} nodes: write the values out`,
        ),
      ),
    ]);
  }
}

/**
 * Step 1: the YAML document, every number kept as its source text ("45276.50", "30.6"), so that
 * amounts never become floats.
 * @throws EntenteFileError `file.invalid_yaml` at each syntax error.
 */
function parseYaml(text: string, file: string): ParsedText {
  const lineCounter = new LineCounter();
  // Duplicate keys are found by findDuplicateKeys (linear), not by yaml's quadratic check.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const parsed = { doc, lineCounter, file };
  const errors = [
    ...doc.errors.map((error) => ({
      offset: error.pos[0],
      reason: error.message.split("\n")[0] ?? error.code,
    })),
    ...(doc.errors.length > 0 ? [] : findDuplicateKeys(doc)).map(({ key, offset }) => ({
      offset,
      reason: `clé « ${key} » en double dans le même bloc (duplicate key "${key}")`,
    })),
  ];
  if (errors.length > 0)
    throw new EntenteFileError(
      file,
      errors.map((error) => yamlIssue(parsed, error.offset, localized(error.reason, error.reason))),
    );
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === "number" && node.source !== undefined)
        node.value = node.source;
    },
  });
  return parsed;
}

/** Step 2: the shape of the file (zod). @throws EntenteFileError with every problem, located. */
function checkShape(parsed: ParsedText): EntenteFileData {
  const raw = toPlainData(parsed);
  const result = EntenteFile.safeParse(raw);
  if (!result.success)
    throw new EntenteFileError(
      parsed.file,
      locateIssues(zodIssuesToIssues(EntenteFile, result.error, raw), parsed),
    );
  const nul = findNulCharacter(raw);
  if (nul !== undefined) throw new EntenteFileError(parsed.file, locateIssues([nulIssue(nul)], parsed));
  return result.data;
}

/** A text holding U+0000 (a YAML "\0"), which no store can keep (src/shared/nul-character.ts). */
function nulIssue(path: readonly (string | number)[]): Issue {
  const field = path.join(".");
  const expected = localized(
    "un texte sans caractère nul (U+0000, « \\0 » en YAML) : retirez-le",
    'a text without the NUL character (U+0000, "\\0" in YAML): remove it',
  );
  return { code: "file.invalid_field", path, details: { field, expected } };
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
  return readValidFast(text) ?? parseLocated(text, file);
}

/**
 * A valid file's entente without positions (parse-yaml-fast.ts): `undefined` as soon as anything
 * is wrong, so that {@link parseLocated} reads it again and names every problem's line.
 */
function readValidFast(text: string): Entente | undefined {
  const raw = parseYamlFast(text);
  if (raw === undefined) return undefined;
  const result = EntenteFile.safeParse(raw);
  if (!result.success || findNulCharacter(raw) !== undefined) return undefined;
  const issues: Issue[] = [];
  const entente = toEntente(result.data, issues);
  if (issues.length > 0) return undefined;
  try {
    assertValidEntente(entente);
  } catch (error) {
    if (error instanceof ValidationError) return undefined;
    throw error;
  }
  return entente;
}

/**
 * {@link parseEntenteText} without the fast path: the four steps with every node's position, so
 * that each problem is located. Exported for the test that both paths read a file alike.
 */
export function parseLocated(text: string, file: string): Entente {
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
