import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canEditKeys, useAccount } from "../../access/index.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { KeyView } from "./key-view.tsx";
import { PercentKeyForm } from "./percent-key-form.tsx";

/** The allocation keys (clés de répartition); percent keys are edited with a live 100 % check. */
export function KeysPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const account = useAccount();
  return (
    <>
      <PageHeader title={t("keys.title")} />
      <p className="lead">{t("keys.intro")}</p>
      {entente.keys.map((key) =>
        key.basis === "percent" && canEditKeys(account) ? (
          <PercentKeyForm key={key.id} allocationKey={key} />
        ) : (
          <KeyView key={key.id} allocationKey={key} />
        ),
      )}
    </>
  );
}
