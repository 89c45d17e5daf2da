// API contracts of amending budgets (décisions modificatives): the DM beside the adopted budget,
// and the complementary calls and reductions it produces (issue 9, item 4).
import { z } from "zod";
import { CalendarDate } from "../../shared/calendar-date.ts";
import { EuroAmount, RowVersion } from "../../shared/contract-primitives.ts";
import { BudgetStatus } from "./api.ts";

const Version = z.object({
  id: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  label: z.string(),
  status: BudgetStatus,
});

/** `GET …/exercises/:year/amending-budget`: the DM beside the budget it amends (euros as strings). */
export const AmendingComparison = z.object({
  year: z.number().int(),
  adopted: Version,
  amended: Version.extend({ rowVersion: RowVersion }),
  lines: z.array(
    z.object({
      missionId: z.string().nullable(),
      label: z.string(),
      section: z.enum(["investissement", "fonctionnement"]),
      direction: z.enum(["expense", "receipt"]),
      adopted: EuroAmount,
      amended: EuroAmount,
      delta: EuroAmount,
    }),
  ),
  /** Per call year the exercise feeds, each member's figure before and after (Σ delta exact). */
  members: z.array(
    z.object({
      year: z.number().int(),
      memberId: z.string(),
      name: z.string(),
      adopted: EuroAmount,
      amended: EuroAmount,
      delta: EuroAmount,
    }),
  ),
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
});

/** `POST …/exercises/:year/fund-call-corrections`: the due date of the complementary calls. */
export const FundCallCorrectionsIssue = z.object({ dueOn: CalendarDate.nullable() });
