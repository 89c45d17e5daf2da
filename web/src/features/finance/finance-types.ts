import type { z } from "zod";
import type {
  AllocationKey as AllocationKeySchema,
  AuditEvent as AuditEventSchema,
  BudgetLine as BudgetLineSchema,
  BudgetStatus as BudgetStatusSchema,
  BudgetVersion as BudgetVersionSchema,
  Dashboard as DashboardSchema,
  Decision as DecisionSchema,
  EntenteDetail as EntenteDetailSchema,
  FundCall as FundCallSchema,
  Member as MemberSchema,
  Mission as MissionSchema,
  RatificationStatus as RatificationStatusSchema,
  ReceiptKind as ReceiptKindSchema,
  Section as SectionSchema,
  ServicePlan as ServicePlanSchema,
  Settlement as SettlementSchema,
} from "../../../../src/finance/contracts/api.ts";

/** The TypeScript types of the finance contract's schemas, as the console uses them. */
export type AllocationKey = z.infer<typeof AllocationKeySchema>;
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export type BudgetLine = z.infer<typeof BudgetLineSchema>;
export type BudgetStatus = z.infer<typeof BudgetStatusSchema>;
export type BudgetVersion = z.infer<typeof BudgetVersionSchema>;
export type Dashboard = z.infer<typeof DashboardSchema>;
export type Decision = z.infer<typeof DecisionSchema>;
export type EntenteDetail = z.infer<typeof EntenteDetailSchema>;
export type FundCall = z.infer<typeof FundCallSchema>;
export type Member = z.infer<typeof MemberSchema>;
export type Mission = z.infer<typeof MissionSchema>;
export type RatificationStatus = z.infer<typeof RatificationStatusSchema>;
export type ReceiptKind = z.infer<typeof ReceiptKindSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type ServicePlan = z.infer<typeof ServicePlanSchema>;
export type Settlement = z.infer<typeof SettlementSchema>;

/** The two sections of a budget, in the order tables show them. */
export const SECTIONS: readonly Section[] = ["investissement", "fonctionnement"];
