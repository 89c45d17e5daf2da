import type { AccountAccess } from "./account-access.ts";
import type { ServiceKind } from "./catalogue-entry.ts";
import type { Subscription } from "./subscription.ts";

/**
 * Entitlements of an account for a service (issue 11 §5), in the shape ANCT's Deploy Center
 * answers and La Suite's apps read (`suitenumerique/st-deploycenter`, viewsets/entitlements.py):
 * `can_access` for every service, then keys by kind — files: `can_upload`, `can_upload_reason`,
 * `can_upload_resolve_level`, `max_storage_account`, `max_storage_organization`; video:
 * `can_create`; mail: `can_store`, `max_storage`, `storage_used`. Storage in bytes; a quota not
 * set is `null` (not limited).
 */
export type Entitlements = Readonly<Record<string, boolean | number | string | null>>;

/** Why uploads are refused (Deploy Center's `can_upload_reason`). */
export type UploadRefusal = "not_activated" | "no_organization" | "storage_full";

const bytesOrNull = (value: bigint | null) => (value === null ? null : Number(value));

/**
 * The entitlements of one account: `access` is `decideAccountAccess`'s answer (no member
 * known: `organizationKnown` false), `storageUsed` the latest usage reported for the account, in
 * bytes (null: none reported).
 */
export function computeEntitlements(input: {
  readonly kind: ServiceKind;
  readonly organizationKnown: boolean;
  readonly subscription: Subscription | null;
  readonly access: AccountAccess;
  readonly storageUsed: number | null;
}): Entitlements {
  const canAccess = input.access.allowed;
  const quotas = input.subscription?.quotas;
  const maxAccount = bytesOrNull(quotas?.storagePerAccount ?? null);
  const common = { can_access: canAccess };
  switch (input.kind) {
    case "files":
      return {
        ...common,
        ...uploadEntitlements(input, canAccess, maxAccount, quotas?.storagePerMember ?? null),
      };
    case "video":
      return { ...common, can_create: canAccess };
    case "mail":
      return { ...common, can_store: canAccess, max_storage: maxAccount, storage_used: input.storageUsed };
    default:
      return common;
  }
}

function uploadEntitlements(
  input: { readonly organizationKnown: boolean; readonly storageUsed: number | null },
  canAccess: boolean,
  maxAccount: number | null,
  maxMember: bigint | null,
) {
  const full = maxAccount !== null && input.storageUsed !== null && input.storageUsed >= maxAccount;
  const reason: UploadRefusal | null = !input.organizationKnown
    ? "no_organization"
    : !canAccess
      ? "not_activated"
      : full
        ? "storage_full"
        : null;
  return {
    can_upload: reason === null,
    can_upload_reason: reason,
    can_upload_resolve_level: reason === null ? null : "organization",
    max_storage_account: maxAccount,
    max_storage_organization: bytesOrNull(maxMember),
  };
}
