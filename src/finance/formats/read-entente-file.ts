import { readFile } from "node:fs/promises";
import { isScalar, LineCounter, parseDocument, visit } from "yaml";
import { EntenteFileError, type LocatedIssue } from "../../shared/entente-file-error.ts";
import { type Cents, MAX_INTEGER_DIGITS, parseEuros, parseScaledDecimal } from "../../shared/money.ts";
import { EntenteFile, type EntenteFileData } from "../contracts/entente-file.ts";
import { assertValidEntente } from "../domain/assert-valid-entente.ts";
import type {
  Adjustment,
  Advance,
  AllocationKey,
  BudgetLine,
  Entente,
  Exercise,
  KeyBasis,
  Mission,
  Section,
} from "../domain/entente.ts";
import { SECTIONS } from "../domain/entente.ts";
import { EntenteError, type Issue, localized, ValidationError } from "../errors.ts";
import { locateInYaml } from "./locate-in-yaml.ts";
import { zodIssuesToIssues } from "./zod-issue-to-issue.ts";

/** Dotted display of a path: `exercises[1].expenses[3].investissement`. */
export function fieldOf(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, segment) =>
      typeof segment === "number" ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment,
    "",
  );
}

const RATE_DECIMALS = 4;

/** Converts validated file data into the domain model, collecting amount problems as issues. */
function toEntente(data: EntenteFileData, issues: Issue[]): Entente {
  const amount = (value: string | number, path: (string | number)[], signed = false): Cents => {
    const text = String(value);
    const parsed = parseEuros(text, { allowNegative: signed });
    if (parsed.ok) return parsed.cents;
    const code = `amount.${parsed.reason}` as const;
    const max = parsed.reason === "too_large" ? MAX_INTEGER_DIGITS : 2;
    issues.push({ code, path, details: { value: text, currency: "EUR", max } });
    return 0n;
  };
  const scaled = (
    value: string | number,
    path: (string | number)[],
    keyId: string,
    isRate: boolean,
  ): bigint => {
    const text = String(value);
    const parsed = parseScaledDecimal(text, RATE_DECIMALS);
    if (parsed.ok) return parsed.value;
    if (parsed.reason === "too_large")
      issues.push({ code: "amount.too_large", path, details: { value: text, max: MAX_INTEGER_DIGITS } });
    else if (parsed.reason === "too_many_decimals")
      issues.push({
        code: "key.too_many_decimals",
        path,
        details: { key: keyId, value: text, max: RATE_DECIMALS },
      });
    else
      issues.push({
        code: "file.invalid_field",
        path,
        details: {
          field: String(path[path.length - 1]),
          expected: localized(
            `${isRate ? "taux" : "valeur"} décimal ≥ 0 attendu (point décimal), reçu « ${text} »`,
            `expected a decimal ≥ 0 (dot as decimal point), got "${text}"`,
          ),
        },
      });
    return 0n;
  };

  const keys: AllocationKey[] = data.keys.map((key, k) => {
    let basis: KeyBasis;
    if (key.percent !== undefined) {
      basis = {
        kind: "percent",
        shares: Object.entries(key.percent).map(([member, rate]) => ({
          member,
          tenThousandths: scaled(rate, ["keys", k, "percent", member], key.id, true),
        })),
      };
    } else if (key.weights !== undefined) {
      basis = {
        kind: "weights",
        shares: Object.entries(key.weights).map(([member, weight]) => ({ member, weight: BigInt(weight) })),
      };
    } else {
      basis = {
        kind: "criteria",
        criteria: (key.criteria ?? []).map((criterion, c) => ({
          id: criterion.id,
          weight: scaled(criterion.weight, ["keys", k, "criteria", c, "weight"], key.id, false),
          values: Object.entries(criterion.values).map(([member, value]) => ({
            member,
            value: scaled(value, ["keys", k, "criteria", c, "values", member], key.id, false),
          })),
        })),
      };
    }
    return {
      id: key.id,
      label: key.label,
      basis,
      ...(key.source === undefined ? {} : { source: key.source }),
    };
  });

  const defaultKey = data.entente.defaultKey;
  const memberIds = new Set(data.members.map((m) => m.id));
  const membersOfKey = (keyId: string): string[] => {
    const basis = keys.find((k) => k.id === keyId)?.basis;
    if (basis === undefined) return [];
    return basis.kind === "criteria"
      ? (basis.criteria[0]?.values.map((v) => v.member) ?? [])
      : basis.shares.map((s) => s.member);
  };
  const missions: Mission[] = data.missions.map((mission) => {
    const missionKeys = {
      investissement: mission.keys?.investissement ?? mission.key ?? defaultKey,
      fonctionnement: mission.keys?.fonctionnement ?? mission.key ?? defaultKey,
    };
    // Default participants: the members of its keys (unknown ids are reported on the key itself).
    const members =
      mission.members ??
      [...new Set(SECTIONS.flatMap((s) => membersOfKey(missionKeys[s])))].filter((m) => memberIds.has(m));
    return {
      id: mission.id,
      name: mission.name,
      kind: mission.kind,
      members,
      keys: missionKeys,
      ...(mission.lead === undefined ? {} : { lead: mission.lead }),
    };
  });

  const exercises: Exercise[] = data.exercises.map((exercise, e) => {
    const lines: BudgetLine[] = [];
    const pushLines = (
      entry: {
        mission?: string | undefined;
        nature?: string | undefined;
        investissement?: string | number | undefined;
        fonctionnement?: string | number | undefined;
      },
      base: (string | number)[],
      direction: "expense" | "receipt",
      label: string,
      receiptKind?: BudgetLine["receiptKind"],
    ) => {
      for (const section of SECTIONS as Section[]) {
        const value = entry[section];
        if (value === undefined) continue;
        const path = [...base, section];
        lines.push({
          label,
          section,
          direction,
          amount: amount(value, path),
          path,
          ...(entry.mission === undefined ? {} : { mission: entry.mission }),
          ...(entry.nature === undefined ? {} : { nature: entry.nature }),
          ...(receiptKind === undefined ? {} : { receiptKind }),
        });
      }
    };
    exercise.expenses.forEach((line, i) => {
      pushLines(line, ["exercises", e, "expenses", i], "expense", line.label);
    });
    exercise.receipts.forEach((line, i) => {
      pushLines(
        line,
        ["exercises", e, "receipts", i],
        "receipt",
        line.label ?? RECEIPT_LABELS[line.kind],
        line.kind,
      );
    });
    const advances: Advance[] = exercise.advances.map((advance, i) => ({
      id: advance.id,
      label: advance.label,
      member: advance.member,
      amount: amount(advance.amount, ["exercises", e, "advances", i, "amount"]),
      key: advance.key ?? defaultKey,
      path: ["exercises", e, "advances", i],
    }));
    const adjustments: Adjustment[] = exercise.adjustments.map((adjustment, i) => ({
      id: adjustment.id,
      label: adjustment.label,
      amounts: Object.entries(adjustment.amounts).map(([member, value]) => ({
        member,
        amount: amount(value, ["exercises", e, "adjustments", i, "amounts", member], true),
      })),
      path: ["exercises", e, "adjustments", i],
    }));
    return {
      year: exercise.year,
      calledIn: exercise.calledIn ?? exercise.year,
      lines,
      advances,
      adjustments,
      path: ["exercises", e],
    };
  });

  return {
    name: data.entente.name,
    legalBasis: data.entente.legalBasis,
    rounding: { unit: data.entente.rounding.unit },
    defaultKey,
    members: data.members.map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.kind,
      ...(m.siren === undefined ? {} : { siren: m.siren }),
      ...(m.siret === undefined ? {} : { siret: m.siret }),
      ...(m.assembly === undefined ? {} : { assembly: m.assembly }),
    })),
    keys,
    missions,
    exercises,
    ...(data.entente.budgetHolder === undefined ? {} : { budgetHolder: data.entente.budgetHolder }),
  };
}

/** French labels of receipt kinds, used when a receipt line has no label of its own. */
export const RECEIPT_LABELS: Record<NonNullable<BudgetLine["receiptKind"]>, string> = {
  "carry-over": "Report",
  depreciation: "Amortissements",
  grant: "Subvention",
  contribution: "Contribution des membres de l'entente",
  other: "Autres recettes",
};

/**
 * Points issues at what the person wrote: a mission's key for a section comes from
 * `keys.<section>`, else from `key`, else from `entente.defaultKey`. Then drops duplicates
 * (the same problem found through both sections).
 */
function relocateIssues(issues: readonly Issue[], data: EntenteFileData): Issue[] {
  const seen = new Set<string>();
  return issues
    .map((issue) => {
      const [head, m, keys, section] = issue.path;
      if (head !== "missions" || typeof m !== "number" || keys !== "keys" || typeof section !== "string")
        return issue;
      const mission = data.missions[m];
      if (mission?.keys?.[section as Section] !== undefined) return issue;
      return {
        ...issue,
        path: mission?.key !== undefined ? ["missions", m, "key"] : ["entente", "defaultKey"],
      };
    })
    .filter((issue) => {
      const id = JSON.stringify([issue.code, issue.path, issue.details]);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locate = (issues: readonly Issue[]): LocatedIssue[] =>
    issues
      .map((issue) => {
        // Name the line of the place the issue refers to (the first of two duplicates).
        let details = issue.details;
        if (issue.related !== undefined) {
          const line = locateInYaml(doc, lineCounter, issue.related).line;
          details = { ...details, first: localized(`ligne ${line}`, `line ${line}`) };
        }
        return {
          ...issue,
          details,
          file,
          field: fieldOf(issue.path),
          ...locateInYaml(doc, lineCounter, issue.path),
        };
      })
      .sort((a, b) => a.line - b.line || a.column - b.column);

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
  // Keep every number as its source text ("45276.50", "30.6"): amounts never become floats.
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === "number" && node.source !== undefined)
        node.value = node.source;
    },
  });
  const raw: unknown = doc.toJS();
  const parsed = EntenteFile.safeParse(raw);
  if (!parsed.success)
    throw new EntenteFileError(file, locate(zodIssuesToIssues(EntenteFile, parsed.error, raw)));

  const issues: Issue[] = [];
  const entente = toEntente(parsed.data, issues);
  if (issues.length > 0) throw new EntenteFileError(file, locate(issues));
  try {
    assertValidEntente(entente);
  } catch (error) {
    if (error instanceof ValidationError)
      throw new EntenteFileError(file, locate(relocateIssues(error.issues, parsed.data)));
    throw error;
  }
  return entente;
}

/**
 * Decodes a file as UTF-8 (a leading BOM is allowed), refusing other encodings instead of
 * garbling names: UTF-16 (Windows "Unicode") and Latin-1/Windows-1252 are common mistakes.
 * @throws EntenteFileError `file.not_utf8` at the first invalid byte's line.
 */
function decodeUtf8(bytes: Buffer, file: string): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  try {
    if (utf16) throw new Error("UTF-16");
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    let bad = 0;
    if (!utf16) {
      // The first byte that does not start or continue a valid UTF-8 sequence.
      const valid = new TextDecoder("utf-8").decode(bytes);
      bad = valid.indexOf("\uFFFD");
    }
    const prefix = utf16 ? "" : new TextDecoder("utf-8").decode(bytes).slice(0, Math.max(bad, 0));
    const line = prefix.split("\n").length;
    throw new EntenteFileError(file, [
      {
        code: "file.not_utf8",
        path: [],
        details: { encoding: utf16 ? "UTF-16" : "Latin-1 / Windows-1252 ?" },
        file,
        field: "",
        line,
        column: 1,
      },
    ]);
  }
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
