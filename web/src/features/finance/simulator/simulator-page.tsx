import { useTranslation } from "react-i18next";
import { SelectField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canEditKeys, useAccount } from "../../access/index.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { AlternativeFieldset } from "./alternative-fieldset.tsx";
import { SimulationTable } from "./simulation-table.tsx";
import { useSimulator } from "./use-simulator.ts";

/** At most this many alternatives side by side (the API's limit). */
const MAX_ALTERNATIVES = 10;

/**
 * The key simulator (secretariat: it reads the drafts' figures): choose an exercise and a key,
 * describe alternatives — fixed rates, weights such as populations or usage, another key — with
 * members leaving and hypothetical communes joining, and compare each member's contribution side
 * by side (`POST …/key-simulations`). Nothing is saved.
 */
export function SimulatorPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const { entente } = useEntente();
  const sim = useSimulator();
  if (!canEditKeys(account))
    return (
      <>
        <PageHeader title={t("simulator.title")} />
        <p className="alert alert--error">{t("simulator.forbidden")}</p>
      </>
    );
  return (
    <>
      <PageHeader title={t("simulator.title")} />
      <p className="lead">{t("simulator.intro")}</p>
      <form
        className="form"
        onSubmit={(e) => void sim.compare(e)}
        noValidate
        aria-label={t("simulator.title")}
      >
        <ProblemAlert error={sim.submit.error} />
        <div className="form-row">
          <SelectField
            id="simulator-year"
            label={t("common.exercise")}
            value={String(sim.year)}
            options={sim.years.map((y) => ({ value: String(y), label: String(y) }))}
            onChange={(e) => sim.setYear(Number(e.target.value))}
          />
          <SelectField
            id="simulator-key"
            label={t("simulator.key")}
            value={sim.keyId}
            options={entente.keys.map((k) => ({ value: k.id, label: k.label }))}
            onChange={(e) => sim.setKeyId(e.target.value)}
          />
        </div>
        {sim.alternatives.map((a, i) => (
          <AlternativeFieldset
            // alternatives are only appended or removed by position: the index is their identity
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={i}
            index={i}
            draft={a}
            members={sim.members}
            keys={entente.keys}
            edit={(patch) => sim.change(i, patch)}
            onRemove={sim.alternatives.length > 1 ? () => sim.removeAlternative(i) : undefined}
          />
        ))}
        <div className="actions">
          {sim.alternatives.length < MAX_ALTERNATIVES && (
            <button type="button" className="button button--secondary" onClick={sim.addAlternative}>
              {t("simulator.addAlternative")}
            </button>
          )}
          <SubmitButton
            saving={sim.submit.saving}
            label={t("simulator.compare")}
            savingLabel={t("simulator.computing")}
          />
        </div>
      </form>
      {sim.result !== undefined && <SimulationTable result={sim.result} />}
    </>
  );
}
