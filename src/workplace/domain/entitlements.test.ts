import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { computeEntitlements } from "./entitlements.ts";
import type { Subscription } from "./subscription.ts";

const subscription: Subscription = {
  clientId: "drive",
  ententeId: "lyon",
  memberId: "metropole",
  startsOn: "2023-01-01",
  endsOn: null,
  roles: null,
  groups: null,
  quotas: { seats: 10, storagePerAccount: 1000n, storagePerMember: 5000n },
  wave: null,
  rowVersion: 1,
};

describe("computeEntitlements", () => {
  it("gives a subscribed member's account its storage quotas, in bytes", () => {
    const answer = computeEntitlements({
      kind: "files",
      organizationKnown: true,
      subscription,
      access: { allowed: true },
      storageUsed: 200,
    });
    assert.deepEqual(answer, {
      can_access: true,
      can_upload: true,
      can_upload_reason: null,
      can_upload_resolve_level: null,
      max_storage_account: 1000,
      max_storage_organization: 5000,
    });
  });

  it("refuses uploads: not activated (no subscription), no organisation, storage full", () => {
    const base = { kind: "files" as const, organizationKnown: true, subscription: null, storageUsed: null };
    const refused = { allowed: false, reason: "not_subscribed" } as const;
    assert.equal(computeEntitlements({ ...base, access: refused }).can_upload_reason, "not_activated");
    assert.equal(
      computeEntitlements({ ...base, organizationKnown: false, access: refused }).can_upload_reason,
      "no_organization",
    );
    const full = computeEntitlements({ ...base, subscription, access: { allowed: true }, storageUsed: 1000 });
    assert.equal(full.can_upload, false);
    assert.equal(full.can_upload_reason, "storage_full");
  });

  it("answers can_create for video, can_access only for chat", () => {
    const input = {
      organizationKnown: true,
      subscription,
      access: { allowed: true } as const,
      storageUsed: null,
    };
    assert.deepEqual(computeEntitlements({ ...input, kind: "video" }), {
      can_access: true,
      can_create: true,
    });
    assert.deepEqual(computeEntitlements({ ...input, kind: "chat" }), { can_access: true });
  });
});
