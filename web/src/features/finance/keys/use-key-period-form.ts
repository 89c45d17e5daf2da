import { type FormEvent, useState } from "react";
import { KeyPeriodInput } from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { firstOpenYear } from "../components/first-open-year.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { AllocationKey } from "../finance-types.ts";
import { membersIn, type PeriodDraft, toPeriodBody } from "./key-period-draft.ts";
import { checkPercentShares } from "./percent-check.ts";

const FROZEN = "budget.figures_frozen";

/**
 * The state of a key period's form: the draft (from the first exercise still in preparation), the
 * members of its first year, the live 100 % check of rates, whether the server refused a
 * deliberated year (`frozen`), and the save (`PUT …/keys/:id/periods`, then the entente reloaded).
 */
export function useKeyPeriodForm(allocationKey: AllocationKey) {
  const api = useApi();
  const { entente, reload } = useEntente();
  const submit = useSubmit();
  const open = firstOpenYear(entente);
  const [draft, setDraft] = useState<PeriodDraft>(() => ({
    from: String(open),
    kind: allocationKey.basis === "percent" ? "percent" : "weights",
    source: "",
    values: {},
  }));
  const edit = (change: Partial<PeriodDraft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };
  const year = Number(draft.from);
  const members = membersIn(entente, Number.isInteger(year) ? year : open);
  const ids = members.map((m) => m.id);
  const check = checkPercentShares(ids.map((id) => draft.values[id] ?? ""));
  const list = draft.kind === "percent" ? "shares" : "weights";
  const frozen = submit.error?.code === FROZEN;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.kind === "percent" && !check.ok) return;
    const saved = await submit.run(KeyPeriodInput, toPeriodBody(draft, ids), (body) =>
      api
        .send("PUT", `${financePaths.key(entente.id, allocationKey.id)}/periods`, body, null)
        .then(() => true),
    );
    if (saved !== undefined) reload();
  };
  return { draft, edit, open, members, check, list, frozen, submit, save };
}
