import { z } from "zod";

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

/** An identifier that other parts of the file refer to. */
export const Id = z
  .string()
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
  name: z.string().min(1),
  kind: z.enum(["metropole", "commune", "epci", "syndicat", "departement", "region", "other"]),
  siren: z
    .string()
    .regex(/^\d{9}$/, { message: "SIREN à 9 chiffres attendu" })
    .optional(),
  siret: z
    .string()
    .regex(/^\d{14}$/, { message: "SIRET à 14 chiffres attendu" })
    .optional(),
  assembly: z
    .string()
    .optional()
    .meta({ description: "Deliberating assembly, e.g. Conseil de la Métropole." }),
  from: Year.optional().meta({ description: "First exercise of its membership (default: from the start)." }),
  to: Year.optional().meta({
    description: "Last exercise of its membership: it leaves at the end of it (default: still a member).",
  }),
  accountant: z
    .strictObject({
      office: z.string().min(1).max(200).meta({ description: "Service de gestion comptable or trésorerie." }),
      code: z.string().max(20).optional().meta({ description: "DGFiP code of the office (codique)." }),
      address: z.string().max(300).optional(),
    })
    .optional()
    .meta({ description: "The member's public accountant (comptable public), quoted on fund calls." }),
});

/** The basis of a key or of one of its periods: exactly one of percent, weights, criteria. */
const keyBasisFields = {
  percent: z
    .record(Id, Percent)
    .optional()
    .meta({ description: "Member id → rate in percent; exactly 100 in total." }),
  weights: z
    .record(
      Id,
      z.union([z.number().int().min(0), z.string().regex(/^\d+$/, { message: "poids entier ≥ 0 attendu" })]),
    )
    .optional()
    .meta({ description: "Member id → integer weight; share = weight / sum of weights." }),
  criteria: z
    .array(
      z.strictObject({
        id: Id,
        label: z.string().optional(),
        weight: CriterionValue,
        values: z.record(Id, CriterionValue),
      }),
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
    source: z.string().optional().meta({ description: "Where this period's figures come from." }),
    ...keyBasisFields,
  })
  .refine(hasOneBasis, ONE_BASIS);

export const KeyEntry = z
  .strictObject({
    id: Id,
    label: z.string().min(1),
    source: z
      .string()
      .optional()
      .meta({ description: "Where the figures come from (census, deliberation…)." }),
    ...keyBasisFields,
    periods: z.array(KeyPeriodEntry).optional().meta({
      description:
        "Later bases of the key, each from a named exercise: the key's own basis holds until the first one; an earlier year never changes.",
    }),
  })
  .refine(hasOneBasis, ONE_BASIS);

export const MissionEntry = z.strictObject({
  id: Id,
  name: z.string().min(1),
  kind: z.enum(["socle", "specifique"]),
  description: z.string().optional(),
  lead: Id.optional().meta({ description: "Lead member (porteur de mission)." }),
  members: z
    .array(Id)
    .optional()
    .meta({ description: "Participating members; default: the members of its keys." }),
  key: Id.optional().meta({ description: "Key for both sections; default: the entente's defaultKey." }),
  keys: z.strictObject({ investissement: Id.optional(), fonctionnement: Id.optional() }).optional(),
});

export const ExpenseEntry = z.strictObject({
  mission: Id.optional().meta({
    description: "Mission id; absent for general expenses (dépenses générales).",
  }),
  label: z.string().min(1),
  nature: z.string().optional().meta({ description: "M57 nature or chapter." }),
  ...sectionAmounts,
});

export const ReceiptEntry = z.strictObject({
  kind: ReceiptKindName,
  mission: Id.optional(),
  label: z.string().min(1).optional(),
  nature: z.string().optional(),
  ...sectionAmounts,
});

export const AdvanceEntry = z.strictObject({
  id: Id,
  label: z.string().min(1),
  member: Id.meta({ description: "The member who paid the expense in advance." }),
  amount: Amount,
  key: Id.optional().meta({ description: "Key that shares the advance; default: the entente's defaultKey." }),
});

export const AdjustmentEntry = z.strictObject({
  id: Id,
  label: z.string().min(1),
  amounts: z.record(Id, SignedAmount).meta({ description: "Member id → signed amount; they sum to zero." }),
});

export const ExerciseEntry = z.strictObject({
  year: Year,
  calledIn: Year.optional().meta({
    description:
      "Year of the fund call that collects this exercise (rappel when later); default: the year itself.",
  }),
  note: z.string().optional(),
  expenses: z.array(ExpenseEntry).default([]),
  receipts: z.array(ReceiptEntry).default([]),
  advances: z.array(AdvanceEntry).default([]),
  adjustments: z.array(AdjustmentEntry).default([]),
});

export const EntenteFile = z
  .strictObject({
    entente: z.strictObject({
      name: z.string().min(1),
      legalBasis: z.array(z.string()).default([]),
      convention: z
        .strictObject({
          signedOn: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date AAAA-MM-JJ attendue" })
            .optional(),
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
    members: z.array(MemberEntry).min(1),
    keys: z.array(KeyEntry).min(1),
    missions: z.array(MissionEntry).default([]),
    exercises: z.array(ExerciseEntry).min(1),
  })
  .meta({
    title: "Entente file",
    description: "An entente intercommunale and its budgets (Entente, docs/entente-file.md).",
  });

export type EntenteFileData = z.output<typeof EntenteFile>;
