import { z } from "zod";
import { EuroAmount } from "../../shared/contract-primitives.ts";
import { BySection, Section } from "./api.ts";

/**
 * One exercise's settlement in the budget report: each key's allocation over the members (exact
 * share, rounded amount), its advances and adjustments, and each member's adjusted contribution.
 * Amounts are exact euro strings ("50350.00"), shares exact fractions ("53/100") and exact
 * decimals before rounding ("166517.856", "3414.418688…").
 */
export const ReportSettlement = z.object({
  year: z.number().int(),
  calledIn: z.number().int(),
  allocations: z.array(
    z.object({
      key: z.string(),
      keyLabel: z.string(),
      section: Section,
      missions: z.array(z.string().nullable()),
      total: EuroAmount,
      shares: z.array(
        z.object({
          member: z.string(),
          share: z.string(),
          percent: z.string(),
          exact: z.string(),
          amount: EuroAmount,
        }),
      ),
    }),
  ),
  adjustments: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      kind: z.string(),
      advance: z.object({ member: z.string(), amount: EuroAmount, key: z.string() }).optional(),
      amounts: z.record(z.string(), EuroAmount),
    }),
  ),
  members: z.array(
    z.object({
      member: z.string(),
      rate: z.string().nullable(),
      contribution: BySection,
      contributionTotal: EuroAmount,
      adjustments: z.array(EuroAmount),
      adjusted: EuroAmount,
    }),
  ),
});
export type ReportSettlement = z.infer<typeof ReportSettlement>;

const AnnexGroup = z.object({
  mission: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
  rows: z.array(
    z.object({
      label: z.string(),
      kind: z.string().optional(),
      investissement: EuroAmount,
      fonctionnement: EuroAmount,
    }),
  ),
  subtotal: BySection,
});

/**
 * The budget report as GET /api/ententes/:id/budget/:year/report answers it and as
 * `entente budget <file> --format json` prints it: the output of finance/formats/render-json.ts
 * (shape documented in docs/entente-file.md#json-output). Amounts are exact euro strings, never
 * JSON numbers; the console reads the deliberation's tables from it.
 */
export const BudgetReportJson = z.object({
  entente: z.string(),
  year: z.number().int(),
  currency: z.literal("EUR"),
  rounding: z.object({ unit: z.enum(["euro", "cent"]), method: z.string(), tieBreak: z.array(z.string()) }),
  members: z.array(z.object({ id: z.string(), name: z.string() })),
  annex: z.object({
    expenses: z.array(AnnexGroup),
    receipts: z.array(AnnexGroup),
    totalExpenses: BySection,
    totalReceipts: BySection,
    balance: BySection,
  }),
  allocation: ReportSettlement,
  settlements: z.array(ReportSettlement),
  fundCalls: z.array(
    z.object({
      member: z.string(),
      current: BySection,
      recall: EuroAmount,
      adjustments: EuroAmount,
      total: EuroAmount,
    }),
  ),
  fundCallTotals: z.object({
    current: BySection,
    recall: EuroAmount,
    adjustments: EuroAmount,
    total: EuroAmount,
  }),
});
export type BudgetReportJson = z.infer<typeof BudgetReportJson>;
