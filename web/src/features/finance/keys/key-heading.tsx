import { useTranslation } from "react-i18next";
import { useEntente } from "../entente/entente-context.tsx";
import type { AllocationKey } from "../finance-types.ts";

/** A key's title, basis, whether it is the default key, and the missions that use it. */
export function KeyHeading({ allocationKey }: { allocationKey: AllocationKey }) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const missions = entente.missions.filter(
    (m) => m.keys.investissement === allocationKey.id || m.keys.fonctionnement === allocationKey.id,
  );
  return (
    <>
      <h2 id={`key-${allocationKey.id}`}>{allocationKey.label}</h2>
      <p className="meta">
        {t(`keyBasis.${allocationKey.basis}`)}
        {entente.defaultKey === allocationKey.id && <span className="tag">{t("keys.default")}</span>}
        {missions.length > 0 && (
          <> · {t("keys.usedBy", { missions: missions.map((m) => m.name).join(", ") })}</>
        )}
      </p>
    </>
  );
}
