import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { KeyPeriodInput } from "../../../../../src/finance/contracts/api.ts";
import { formatRateInput } from "../../../../../src/shared/money-input.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { firstOpenYear } from "../components/first-open-year.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { AllocationKey } from "../finance-types.ts";
import { initialCriteria } from "./criteria-draft.ts";
import { membersIn, type PeriodDraft, type PeriodKind, toPeriodBody } from "./key-period-draft.ts";
import { checkPercentShares } from "./percent-check.ts";

// A deliberated year (approved or adopted), or an adopted one while its DM is open: same advice.
const FROZEN = ["budget.figures_frozen", "budget.adopted_figures_frozen"];

/** The kind the form starts with: that of the key's latest period (a usage key's weights). */
function latestKind(allocationKey: AllocationKey): PeriodKind {
  const basis = (allocationKey.periods ?? []).at(-1)?.basis ?? allocationKey.basis;
  return basis === "usage" ? "weights" : basis;
}

/**
 * The state of a key period's form: the draft (from the first exercise still in preparation; a
 * criteria key's latest criteria to change), the members of its first year, the live 100 % check
 * of rates or of criteria weights, whether the server refused a
 * deliberated year (`frozen`), and the save (`PUT …/keys/:id/periods`, then the entente reloaded).
 */
export function useKeyPeriodForm(allocationKey: AllocationKey) {
  const api = useApi();
  const { entente, reload } = useEntente();
  const submit = useSubmit();
  const open = firstOpenYear(entente);
  const { i18n } = useTranslation();
  const [draft, setDraft] = useState<PeriodDraft>(() => ({
    from: String(open),
    kind: latestKind(allocationKey),
    source: "",
    values: {},
    criteria: initialCriteria(allocationKey, (text) => formatRateInput(text, i18n.language)),
  }));
  const edit = (change: Partial<PeriodDraft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };
  const year = Number(draft.from);
  const members = membersIn(entente, Number.isInteger(year) ? year : open);
  const ids = members.map((m) => m.id);
  const check = checkPercentShares(
    draft.kind === "criteria" ? draft.criteria.map((c) => c.weight) : ids.map((id) => draft.values[id] ?? ""),
  );
  const list = { percent: "shares", weights: "weights", criteria: "criteria" }[draft.kind];
  const checked = draft.kind !== "weights";
  const frozen = FROZEN.includes(submit.error?.code ?? "");
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (checked && !check.ok) return;
    const saved = await submit.run(KeyPeriodInput, toPeriodBody(draft, ids), (body) =>
      api
        .send("PUT", `${financePaths.key(entente.id, allocationKey.id)}/periods`, body, null)
        .then(() => true),
    );
    if (saved !== undefined) reload();
  };
  return { draft, edit, open, members, check, checked, list, frozen, submit, save };
}
