import { z } from "zod";
import { CalendarDate } from "../../shared/calendar-date.ts";
import {
  MAX_ADJUSTMENTS,
  MAX_ADVANCES,
  MAX_BUDGET_LINES,
  MAX_CRITERIA,
  MAX_EXERCISES,
  MAX_KEYS,
  MAX_LABEL_LENGTH,
  MAX_LIST_ITEMS,
  MAX_MEMBERS,
  MAX_MISSIONS,
  MAX_NAME_LENGTH,
  MAX_REFERENCE_LENGTH,
  MAX_TEXT_LENGTH,
} from "../../shared/limits.ts";

/**
 * The entente file (YAML or JSON): members, keys, missions, and per exercise the budget lines by
 * mission, sub-line and section, receipts by kind, advances and adjustments.
 *
 * This zod schema validates the file and generates `schemas/entente.schema.json` (`npm run
 * schema`). Amounts are euros written as numbers or decimal strings; the reader hands them over
 * as their exact source text, so no amount ever passes through a float.
 * Reference: docs/entente-file.md.
 */

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Longest identifier, in characters. */
const MAX_ID_LENGTH = 100;

/** A text of at most `max` characters (limits.ts); the error states the limit. */
const text = (max: number) => z.string().max(max, { message: `${max} caractères au plus` });
/** A list of at most `max` items (limits.ts): every total of the file fits what reads return. */
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max, { message: `${max} éléments au plus` });
const NAME = text(MAX_NAME_LENGTH).min(1);
const LABEL = text(MAX_LABEL_LENGTH).min(1);
const REFERENCE = text(MAX_REFERENCE_LENGTH);
const TEXT = text(MAX_TEXT_LENGTH);

/** An identifier that other parts of the file refer to. */
export const Id = z
  .string()
  .max(MAX_ID_LENGTH, { message: `${MAX_ID_LENGTH} caractères au plus` })
  .regex(ID, { message: "identifiant attendu : lettres, chiffres, « . », « - », « _ » (ex. ville-lyon)" })
  .meta({ description: "Identifier: letters, digits, '.', '-', '_' (e.g. ville-lyon)." });

const decimalText = (description: string) =>
  z.union([z.number(), z.string()]).meta({ description, examples: [45276, "45276.50"] });

/** A euro amount ≥ 0 with at most 2 decimals (checked by the reader, which reports the line). */
export const Amount = decimalText("Amount in euros, ≥ 0, at most 2 decimals (e.g. 45276 or 45276.50).");
/** A signed euro amount with at most 2 decimals (adjustments). */
export const SignedAmount = decimalText("Signed amount in euros, at most 2 decimals (e.g. -32966).");
/** A rate in percent, at most 4 decimals (e.g. 30.6). */
export const Percent = decimalText(
  "Rate in percent, ≥ 0, at most 4 decimals (e.g. 30.6); a key's rates sum to exactly 100.",
);
/** A non-negative criterion value or weight, at most 4 decimals (population, agents, weight…). */
export const CriterionValue = decimalText(
  "Non-negative number, at most 4 decimals (population, number of agents, weight…).",
);

export const Year = z
  .union([
    z.number().int().min(1900).max(2200),
    z.string().regex(/^(19|20|21)\d\d$/, { message: "année sur 4 chiffres attendue" }),
  ])
  .transform((value) => Number(value))
  .meta({ description: "A year, e.g. 2023." });

/** A non-negative integer, written as a number or digits. */
export const Int = z
  .union([z.number().int().min(0), z.string().regex(/^\d+$/, { message: "entier ≥ 0 attendu" })])
  .transform((value) => Number(value));

export const SectionName = z.enum(["investissement", "fonctionnement"]);
export const ReceiptKindName = z.enum(["carry-over", "depreciation", "grant", "contribution", "other"]).meta({
  description:
    "carry-over (report), depreciation (dotation aux amortissements), grant (subvention, e.g. France Relance), contribution (members' contribution, shared by key), other.",
});

const sectionAmounts = {
  investissement: Amount.optional(),
  fonctionnement: Amount.optional(),
};

export const MemberEntry = z.strictObject({
  id: Id,
  name: NAME,
  kind: z.enum(["metropole", "commune", "epci", "syndicat", "departement", "region", "other"]),
  siren: z
    .string()
    .regex(/^\d{9}$/, { message: "SIREN à 9 chiffres attendu" })
    .optional(),
  siret: z
    .string()
    .regex(/^\d{14}$/, { message: "SIRET à 14 chiffres attendu" })
    .optional(),
  assembly: REFERENCE.optional().meta({
    description: "Deliberating assembly, e.g. Conseil de la Métropole.",
  }),
  from: Year.optional().meta({ description: "First exercise of its membership (default: from the start)." }),
  to: Year.optional().meta({
    description: "Last exercise of its membership: it leaves at the end of it (default: still a member).",
  }),
  accountant: z
    .strictObject({
      office: NAME.meta({ description: "Service de gestion comptable or trésorerie." }),
      code: text(20).optional().meta({ description: "DGFiP code of the office (codique)." }),
      address: LABEL.optional(),
    })
    .optional()
    .meta({ description: "The member's public accountant (comptable public), quoted on fund calls." }),
});

/** The basis of a key or of one of its periods: exactly one of percent, weights, criteria. */
const keyBasisFields = {
  percent: z
    .record(Id, Percent)
    .refine((rates) => Object.keys(rates).length <= MAX_MEMBERS, {
      message: `${MAX_MEMBERS} membres au plus`,
    })
    .optional()
    .meta({ description: "Member id → rate in percent; exactly 100 in total." }),
  weights: z
    .record(
      Id,
      z.union([
        z.number().int().min(0).max(999_999_999_999),
        z.string().regex(/^\d{1,12}$/, { message: "poids entier ≥ 0 attendu, 12 chiffres au plus" }),
      ]),
    )
    .optional()
    .meta({ description: "Member id → integer weight; share = weight / sum of weights." }),
  criteria: list(
    z.strictObject({
      id: Id,
      label: LABEL.optional(),
      source: TEXT.optional().meta({
        description: "Where this criterion's figures come from and their year (INSEE population 2022…).",
      }),
      weight: CriterionValue,
      values: z.record(Id, CriterionValue),
    }),
    MAX_CRITERIA,
  )
    .min(1)
    .optional()
    .meta({
      description:
        "Weighted criteria, each normalised over its total: share = Σ weight × value / total / Σ weights.",
    }),
};
const ONE_BASIS = {
  message: "une clé a exactement une base : percent, weights ou criteria",
};
const hasOneBasis = (entry: { percent?: unknown; weights?: unknown; criteria?: unknown }) =>
  [entry.percent, entry.weights, entry.criteria].filter((b) => b !== undefined).length === 1;

/** A later basis of a key, from exercise `from` on (until the next period). */
export const KeyPeriodEntry = z
  .strictObject({
    from: Year.meta({ description: "First exercise of this basis." }),
    source: TEXT.optional().meta({ description: "Where this period's figures come from." }),
    ...keyBasisFields,
  })
  .refine(hasOneBasis, ONE_BASIS);

export const KeyEntry = z
  .strictObject({
    id: Id,
    label: LABEL,
    source: TEXT.optional().meta({ description: "Where the figures come from (census, deliberation…)." }),
    ...keyBasisFields,
    periods: list(KeyPeriodEntry, MAX_LIST_ITEMS).optional().meta({
      description:
        "Later bases of the key, each from a named exercise: the key's own basis holds until the first one; an earlier year never changes.",
    }),
  })
  .refine(hasOneBasis, ONE_BASIS);

export const MissionEntry = z.strictObject({
  id: Id,
  name: NAME,
  kind: z.enum(["socle", "specifique"]),
  description: TEXT.optional(),
  lead: Id.optional().meta({ description: "Lead member (porteur de mission)." }),
  members: list(Id, MAX_MEMBERS)
    .optional()
    .meta({ description: "Participating members; default: the members of its keys." }),
  key: Id.optional().meta({ description: "Key for both sections; default: the entente's defaultKey." }),
  keys: z.strictObject({ investissement: Id.optional(), fonctionnement: Id.optional() }).optional(),
});

export const ExpenseEntry = z.strictObject({
  mission: Id.optional().meta({
    description: "Mission id; absent for general expenses (dépenses générales).",
  }),
  label: LABEL,
  nature: REFERENCE.optional().meta({ description: "M57 nature or chapter." }),
  ...sectionAmounts,
});

export const ReceiptEntry = z.strictObject({
  kind: ReceiptKindName,
  mission: Id.optional(),
  label: LABEL.optional(),
  nature: REFERENCE.optional(),
  ...sectionAmounts,
});

export const AdvanceEntry = z.strictObject({
  id: Id,
  label: LABEL,
  member: Id.meta({ description: "The member who paid the expense in advance." }),
  amount: Amount,
  key: Id.optional().meta({ description: "Key that shares the advance; default: the entente's defaultKey." }),
});

export const AdjustmentEntry = z.strictObject({
  id: Id,
  label: LABEL,
  amounts: z.record(Id, SignedAmount).meta({ description: "Member id → signed amount; they sum to zero." }),
});

export const ExerciseEntry = z.strictObject({
  year: Year,
  calledIn: Year.optional().meta({
    description:
      "Year of the fund call that collects this exercise (rappel when later); default: the year itself.",
  }),
  note: TEXT.optional(),
  // An entry gives one line per section it fills (two at most): MAX_BUDGET_LINES lines at most.
  expenses: list(ExpenseEntry, MAX_BUDGET_LINES / 4).default([]),
  receipts: list(ReceiptEntry, MAX_BUDGET_LINES / 4).default([]),
  advances: list(AdvanceEntry, MAX_ADVANCES).default([]),
  adjustments: list(AdjustmentEntry, MAX_ADJUSTMENTS).default([]),
});

export const EntenteFile = z
  .strictObject({
    entente: z.strictObject({
      name: NAME,
      legalBasis: list(TEXT, MAX_LIST_ITEMS).default([]),
      convention: z
        .strictObject({
          signedOn: CalendarDate.optional(),
          durationYears: Int.optional(),
          renewals: Int.optional(),
        })
        .optional(),
      currency: z.literal("EUR").default("EUR"),
      rounding: z.strictObject({ unit: z.enum(["euro", "cent"]).default("euro") }).default({ unit: "euro" }),
      budgetHolder: Id.optional().meta({
        description: "Member whose budget annexe holds the entente's money.",
      }),
      defaultKey: Id.meta({ description: "Key used for general lines and missions without their own key." }),
    }),
    members: list(MemberEntry, MAX_MEMBERS).min(1),
    keys: list(KeyEntry, MAX_KEYS).min(1),
    missions: list(MissionEntry, MAX_MISSIONS).default([]),
    exercises: list(ExerciseEntry, MAX_EXERCISES).min(1),
  })
  .meta({
    title: "Entente file",
    description: "An entente intercommunale and its budgets (Entente, docs/entente-file.md).",
  });

export type EntenteFileData = z.output<typeof EntenteFile>;
