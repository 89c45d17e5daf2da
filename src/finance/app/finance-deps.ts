import type { Clock } from "../../shared/clock.ts";
import type { AuditReader } from "./ports/audit-reader.ts";
import type { BudgetStore } from "./ports/budget-store.ts";
import type { DecisionStore } from "./ports/decision-store.ts";
import type { EntenteStore } from "./ports/entente-store.ts";
import type { FundCallStore } from "./ports/fund-call-store.ts";
import type { KeyStore } from "./ports/key-store.ts";
import type { MemberStore } from "./ports/member-store.ts";
import type { MissionStore } from "./ports/mission-store.ts";
import type { SettlementStore } from "./ports/settlement-store.ts";
import type { SubscriptionsOfMember } from "./ports/subscriptions-of-member.ts";
import type { UsageSource } from "./ports/usage-source.ts";

/**
 * What the finance use cases need: one store per aggregate, the whole-entente store and the
 * clock. Built once by `composeFinance`; tests give fakes of the same ports.
 */
export interface FinanceDeps {
  readonly ententes: EntenteStore;
  readonly members: MemberStore;
  readonly keys: KeyStore;
  readonly missions: MissionStore;
  readonly budgets: BudgetStore;
  readonly settlements: SettlementStore;
  readonly decisions: DecisionStore;
  readonly fundCalls: FundCallStore;
  readonly audit: AuditReader;
  readonly clock: Clock;
  /** The digital workplace's usage, for usage keys (issue 11; src/compose.ts gives it). */
  readonly usage: UsageSource;
  /** The digital workplace's subscriptions of a member, checked when its membership changes. */
  readonly subscriptions: SubscriptionsOfMember;
}
