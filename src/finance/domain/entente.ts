import type { Cents, RoundingUnit } from "../../shared/money.ts";
import type { UsageFigures } from "./usage-figures.ts";

/**
 * The model of an entente intercommunale (CGCT L5221-1 and L5221-2) as the finance engine sees
 * it. Plain immutable data: no I/O, built by the entente file reader or by the database layer.
 * Vocabulary: see the glossary of DESIGN.md (code in English, French terms in comments).
 */

/** Budget section (section budgétaire), M57. */
export type Section = "investissement" | "fonctionnement";
/** The two sections, investment first: the order of every table. */
export const SECTIONS: readonly Section[] = ["investissement", "fonctionnement"];

/** Kind of receipt (recette). `contribution` is what the members pay and is shared by key. */
export type ReceiptKind = "carry-over" | "depreciation" | "grant" | "contribution" | "other";
/** Every kind of receipt, in the order the annex lists them. */
export const RECEIPT_KINDS: readonly ReceiptKind[] = [
  "carry-over",
  "depreciation",
  "grant",
  "contribution",
  "other",
];

/** Kind of member collectivity (métropole, commune, EPCI, syndicat…). */
export type MemberKind = "metropole" | "commune" | "epci" | "syndicat" | "departement" | "region" | "other";

/**
 * The public accountant (comptable public) who collects a member's payments: its office (service
 * de gestion comptable or trésorerie) and, optionally, its DGFiP code (codique) and address. Fund
 * calls quote it.
 */
export interface PublicAccountant {
  readonly office: string;
  readonly code?: string;
  readonly address?: string;
}

/**
 * A member (membre) of the entente. It belongs from exercise `from` (absent: from the start) to
 * exercise `to` included (absent: still a member); it is billed only for the exercises it
 * belongs to (membership.ts).
 */
export interface Member {
  readonly id: string;
  readonly name: string;
  readonly kind: MemberKind;
  /** 9 digits, Luhn check digit (siren.ts). */
  readonly siren?: string;
  /** 14 digits (SIREN + NIC), Luhn check digit (siren.ts). */
  readonly siret?: string;
  /** The deliberating assembly, e.g. "Conseil de la Métropole". */
  readonly assembly?: string;
  /** First exercise of its membership. */
  readonly from?: number;
  /** Last exercise of its membership (it leaves at the end of it). */
  readonly to?: number;
  readonly accountant?: PublicAccountant;
}

/**
 * Basis of an allocation key (clé de répartition), as exact integers:
 * - `percent`: rates in ten-thousandths of a percent (53 % → 530 000), must sum to 100 % exactly;
 * - `weights`: integer weights, share = weight / sum of weights;
 * - `criteria`: weighted criteria (population, agents…), each normalised exactly over its
 *   total, then combined by criterion weight: share_i = Σ_c (w_c / Σw) × (v_ci / Σ_j v_cj).
 */
export type KeyBasis =
  | { readonly kind: "percent"; readonly shares: readonly { member: string; tenThousandths: bigint }[] }
  | { readonly kind: "weights"; readonly shares: readonly { member: string; weight: bigint }[] }
  | {
      readonly kind: "criteria";
      readonly criteria: readonly {
        readonly id: string;
        /** What it counts, e.g. « Population municipale ». */
        readonly label?: string;
        /** Where its figures come from and their year, e.g. « Populations légales INSEE 2022 ». */
        readonly source?: string;
        readonly weight: bigint;
        readonly values: readonly { member: string; value: bigint }[];
      }[];
    }
  | { readonly kind: "usage"; readonly usage: UsageFigures };

/** A change of a key from exercise `from` on (until the key's next period). */
export interface KeyPeriod {
  readonly from: number;
  readonly basis: KeyBasis;
  readonly source?: string;
}

/**
 * An allocation key (clé de répartition): shares of the members, on a basis (see KeyBasis). `basis`
 * holds until the first of its `periods`; each period holds from its exercise to the next period's
 * (key-at-year.ts). A change is a new period from a named exercise: earlier years keep theirs.
 */
export interface AllocationKey {
  readonly id: string;
  readonly label: string;
  readonly basis: KeyBasis;
  /** Where the figures come from (census year, deliberation…), printed with the key. */
  readonly source?: string;
  /** Later bases of the key, by first exercise (none: `basis` holds for every year). */
  readonly periods?: readonly KeyPeriod[];
}

/** A mission socle (shared by all) or spécifique (some members). */
export type MissionKind = "socle" | "specifique";

/** A mission (mission socle or spécifique) and the key that shares its cost, per section. */
export interface Mission {
  readonly id: string;
  readonly name: string;
  readonly kind: MissionKind;
  /** Lead member (porteur de mission). */
  readonly lead?: string;
  /** Participating members; every member of its keys must be one of them. */
  readonly members: readonly string[];
  readonly keys: Readonly<Record<Section, string>>;
}

/** A budget line (ligne budgétaire): one sub-line of a mission (or general) in one section. */
export interface BudgetLine {
  /** Mission id, or undefined for general lines (dépenses / recettes générales). */
  readonly mission?: string;
  readonly label: string;
  readonly section: Section;
  readonly direction: "expense" | "receipt";
  /** Only for receipts. */
  readonly receiptKind?: ReceiptKind;
  readonly amount: Cents;
  /** M57 nature or chapter, optional. */
  readonly nature?: string;
  /** Where the line sits in the source file, for messages. */
  readonly path: readonly (string | number)[];
}

/**
 * An advance (avance): an expense one member pre-financed for the entente. It is shared by a key
 * over all members; the advancing member is credited, so the resulting adjustments sum to zero.
 */
export interface Advance {
  readonly id: string;
  readonly label: string;
  readonly member: string;
  readonly amount: Cents;
  readonly key: string;
  readonly path: readonly (string | number)[];
}

/** An adjustment (régularisation) given member by member; the amounts must sum to zero. */
export interface Adjustment {
  readonly id: string;
  readonly label: string;
  readonly amounts: readonly { member: string; amount: Cents }[];
  readonly path: readonly (string | number)[];
}

/** An exercise (exercice, one budget year) and the year in which its contributions are called. */
export interface Exercise {
  readonly year: number;
  /** Year of the fund call that collects this exercise's contributions (rappel when later). */
  readonly calledIn: number;
  readonly lines: readonly BudgetLine[];
  readonly advances: readonly Advance[];
  readonly adjustments: readonly Adjustment[];
  readonly path: readonly (string | number)[];
}

/** An entente: its members, keys, missions and exercises (immutable; checked by validateEntente). */
export interface Entente {
  readonly name: string;
  /** Deliberations and conventions the entente rests on (visas). */
  readonly legalBasis: readonly string[];
  readonly rounding: { readonly unit: RoundingUnit };
  /** Member whose budget annexe holds the entente's money (organisme gestionnaire). */
  readonly budgetHolder?: string;
  readonly defaultKey: string;
  readonly members: readonly Member[];
  readonly keys: readonly AllocationKey[];
  readonly missions: readonly Mission[];
  readonly exercises: readonly Exercise[];
}
