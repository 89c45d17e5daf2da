import { z } from "zod";
import { BySection, Section } from "../../../src/finance/contracts/api.ts";
import { EuroAmount } from "../../../src/shared/contract-primitives.ts";

/**
 * The budget report as GET /api/ententes/:id/budget/:year/report answers it: the output of
 * src/formats/render-json.ts (amounts exact euro strings, shares exact fractions). Declared here
 * because src/contracts/api.ts has no schema for it yet; it belongs there (BudgetReportJson).
 */
const Settlement = z.object({
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
export type Settlement = z.infer<typeof Settlement>;

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
  allocation: Settlement,
  settlements: z.array(Settlement),
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
