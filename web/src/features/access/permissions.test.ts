import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  canCancelPayment,
  canCreateDecision,
  canEditBudget,
  canEditKeys,
  canEditMember,
  canEditMission,
  canEditPlan,
  canIssueFundCalls,
  canReadAudit,
  canRecordPayment,
  canRecordRatification,
} from "./permissions.ts";

const secretariat = { role: "secretariat", memberId: null, missionId: null } as const;
const finance = { role: "finance", memberId: "ville-lyon", missionId: null } as const;
const lead = { role: "mission-lead", memberId: "sitiv", missionId: "identite" } as const;
const reader = { role: "reader", memberId: "sitiv", missionId: "identite" } as const;

describe("permissions", () => {
  it("secretariat edits everything", () => {
    assert.ok(
      canEditMember(secretariat, "sitiv") && canEditKeys(secretariat) && canEditPlan(secretariat, "x"),
    );
    assert.ok(canEditBudget(secretariat) && canCreateDecision(secretariat) && canIssueFundCalls(secretariat));
    assert.ok(canRecordRatification(secretariat, "sitiv") && canRecordPayment(secretariat, "sitiv"));
    assert.ok(canEditMission(secretariat));
  });

  it("only the secretariat edits a mission (name, members, keys), not even its lead", () => {
    assert.ok(!canEditMission(finance) && !canEditMission(lead) && !canEditMission(reader));
  });

  it("finance edits its own member only", () => {
    assert.ok(canEditMember(finance, "ville-lyon"));
    assert.ok(!canEditMember(finance, "sitiv"));
    assert.ok(canRecordRatification(finance, "ville-lyon") && !canRecordRatification(finance, "metropole"));
    assert.ok(canRecordPayment(finance, "ville-lyon") && !canRecordPayment(finance, "metropole"));
    assert.ok(!canEditKeys(finance) && !canEditBudget(finance) && !canIssueFundCalls(finance));
    assert.ok(!canEditPlan(finance, "identite"));
  });

  it("mission lead edits its mission's plan only", () => {
    assert.ok(canEditPlan(lead, "identite"));
    assert.ok(!canEditPlan(lead, "messagerie"));
    assert.ok(!canEditMember(lead, "sitiv") && !canEditBudget(lead) && !canRecordRatification(lead, "sitiv"));
  });

  it("the audit trail is for the secretariat only (finance officers get 403)", () => {
    assert.ok(canReadAudit(secretariat));
    assert.ok(!canReadAudit(finance) && !canReadAudit(lead) && !canReadAudit(reader));
  });

  it("only the secretariat cancels a payment, not the member's finance officer (403)", () => {
    assert.ok(canCancelPayment(secretariat));
    assert.ok(!canCancelPayment(finance) && !canCancelPayment(lead) && !canCancelPayment(reader));
  });

  it("reader edits nothing, whatever ids its account carries", () => {
    assert.ok(!canEditMember(reader, "sitiv") && !canEditPlan(reader, "identite") && !canEditKeys(reader));
    assert.ok(!canRecordPayment(reader, "sitiv") && !canCreateDecision(reader));
  });
});
