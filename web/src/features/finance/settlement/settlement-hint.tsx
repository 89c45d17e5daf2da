import { useTranslation } from "react-i18next";
import { useEntente } from "../entente/entente-context.tsx";
import type { BudgetStatus } from "../finance-types.ts";

/**
 * What the person can do with the settlement, and why not when it is read-only: another role
 * than the secretariat, no budget yet, or a budget that is no longer a draft. The form is
 * described by it (`id`).
 */
export function SettlementHint({
  id,
  year,
  budgetStatus,
  mayEdit,
}: {
  id: string;
  year: number;
  budgetStatus: BudgetStatus | null;
  /** The role may edit the settlement (it still needs a draft budget). */
  mayEdit: boolean;
}) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const editable = mayEdit && budgetStatus === "draft";
  const status = editable
    ? t("settlement.editHint")
    : !mayEdit
      ? t("settlement.readOnly")
      : budgetStatus === null
        ? t("settlement.noBudget")
        : t("settlement.notDraft", { year, status: t(`budgetStatus.${budgetStatus}`) });
  return (
    <div id={id} className="hint">
      <p>{status}</p>
      {editable && entente.roundingUnit === "euro" && <p>{t("settlement.wholeEuros")}</p>}
    </div>
  );
}
