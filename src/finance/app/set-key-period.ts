import { assertCan, type Principal } from "../../access/index.ts";
import {
  assertPercentSharesResolve,
  type PercentShareInput,
  parsePercentShares,
} from "../domain/percent-key-rules.ts";
import { actorOf } from "./actor-of.ts";
import { assertFiguresOpen } from "./assert-figures-open.ts";
import type { FinanceDeps } from "./finance-deps.ts";

/**
 * Changes a percent key from a named exercise on (a key period): the years before `from` keep
 * their rates, so an adopted year never moves. Refused (`budget.figures_frozen`) when an exercise
 * from `from` on — or the year it is called in — is approved or adopted; rates must sum to
 * exactly 100 % (`key.shares_not_100`).
 * @throws EntenteError `access.forbidden`, `budget.figures_frozen`, `entente.unknown_reference`,
 *   `key.shares_not_100`, `resource.not_found`.
 */
export async function setKeyPeriod(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "members" | "keys">,
  principal: Principal,
  ententeId: string,
  keyId: string,
  change: { from: number; source: string | null; shares: readonly PercentShareInput[] },
): Promise<void> {
  assertCan(principal, { kind: "edit-key", ententeId });
  const entente = await deps.ententes.loadEntente(ententeId);
  const altered = entente.exercises.map((e) => e.year).filter((year) => year >= change.from);
  await assertFiguresOpen(deps, ententeId, altered, { kind: "shared", field: ["from"] });
  const members = (await deps.members.list(ententeId)).map((m) => m.id);
  const shares = parsePercentShares(keyId, change.shares, new Set(members));
  assertPercentSharesResolve({ id: keyId, label: keyId }, shares, members);
  await deps.keys.setPeriod(
    ententeId,
    keyId,
    {
      from: change.from,
      basis: {
        kind: "percent",
        shares: shares.map((s) => ({ member: s.memberId, tenThousandths: s.value })),
      },
      ...(change.source === null ? {} : { source: change.source }),
    },
    actorOf(principal),
  );
}
