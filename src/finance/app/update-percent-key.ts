import { assertCan, type Principal } from "../../access/index.ts";
import { parseScaledDecimal } from "../../shared/money.ts";
import { resolveKeyShares } from "../domain/resolve-key-shares.ts";
import { EntenteError, localized, ValidationError } from "../errors.ts";
import { assertFiguresOpen } from "./assert-figures-open.ts";
import type { ConsoleDeps } from "./console-deps.ts";
import type { KeyRecord } from "./ports.ts";
import { actorOf } from "./update-member.ts";

/**
 * Replaces the rates of a percent key. Rates are decimal text with at most 4 decimals and must
 * sum to exactly 100 % (`key.shares_not_100`, with the sum); every member must belong to the
 * entente. Nothing is stored otherwise.
 */
export async function updatePercentKey(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  keyId: string,
  change: { label: string; source: string | null; shares: readonly { memberId: string; value: string }[] },
  rowVersion: number,
): Promise<KeyRecord> {
  assertCan(principal, { kind: "edit-key", ententeId });
  await assertFiguresOpen(deps, ententeId, "all");
  const members = new Set((await deps.console.listMembers(ententeId)).map((m) => m.id));
  const shares = change.shares.map((share, index) => {
    if (!members.has(share.memberId)) {
      throw new EntenteError(
        "entente.unknown_reference",
        { what: localized("membre", "member"), id: share.memberId, known: [...members].join(", ") },
        { path: ["shares", index, "memberId"] },
      );
    }
    const parsed = parseScaledDecimal(share.value, 4);
    if (!parsed.ok)
      throw new EntenteError(
        "key.too_many_decimals",
        { key: keyId, value: share.value, max: 4 },
        { path: ["shares", index, "value"] },
      );
    return { memberId: share.memberId, value: parsed.value };
  });
  const result = resolveKeyShares(
    {
      id: keyId,
      label: change.label,
      basis: {
        kind: "percent",
        shares: shares.map((s) => ({ member: s.memberId, tenThousandths: s.value })),
      },
    },
    [...members],
  );
  if (!result.ok) throw new ValidationError(result.issues.map((i) => ({ ...i, path: ["shares"] })));
  return deps.console.updatePercentKey(
    ententeId,
    keyId,
    { label: change.label, source: change.source, shares },
    rowVersion,
    actorOf(principal),
  );
}
