import { useTranslation } from "react-i18next";
import { TextAreaField } from "../../../shared/components/field.tsx";
import type { ServicePlan } from "../finance-types.ts";

type Resources = ServicePlan["resources"];
const KINDS = ["financial", "human", "material"] as const;

/** The financial, human and material resources of a service plan, as free text. */
export function PlanResourcesFieldset({
  resources,
  onChange,
  fieldError,
}: {
  resources: Resources;
  onChange: (change: (all: Resources) => Resources) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t("plan.resources")}</legend>
      {KINDS.map((r) => (
        <TextAreaField
          key={r}
          id={`plan-resources-${r}`}
          label={t(`plan.${r}`)}
          rows={2}
          value={resources[r]}
          onChange={(e) => onChange((all) => ({ ...all, [r]: e.target.value }))}
          error={fieldError(`resources.${r}`)}
        />
      ))}
    </fieldset>
  );
}
