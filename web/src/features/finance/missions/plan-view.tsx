import { useTranslation } from "react-i18next";
import { DateText } from "../../../shared/components/date-text.tsx";
import type { ServicePlan } from "../finance-types.ts";

/** A service plan as saved: scope, milestones, resources, steering committee (« — » for what is empty). */
export function PlanView({ plan }: { plan: ServicePlan }) {
  const { t } = useTranslation();
  return (
    <div className="plan card">
      <h3>{t("plan.scope")}</h3>
      <p className="prewrap">{plan.scope === "" ? "—" : plan.scope}</p>
      <h3>{t("plan.milestones")}</h3>
      {plan.milestones.length === 0 ? (
        <p>—</p>
      ) : (
        <table className="table table--compact">
          <caption className="visually-hidden">{t("plan.milestones")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("plan.milestone")}</th>
              <th scope="col">{t("plan.due")}</th>
              <th scope="col">{t("plan.state")}</th>
            </tr>
          </thead>
          <tbody>
            {plan.milestones.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: milestones have no id; two may share a label, the position tells them apart
              <tr key={`${i}-${m.label}`}>
                <th scope="row">{m.label}</th>
                <td>{m.due === null ? "—" : <DateText value={m.due} />}</td>
                <td>
                  <span className={m.done ? "badge badge--success" : "badge badge--neutral"}>
                    {m.done ? t("plan.done") : t("plan.todo")}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t("plan.resources")}</h3>
      <dl className="details">
        {(["financial", "human", "material"] as const).map((r) => (
          <div key={r}>
            <dt>{t(`plan.${r}`)}</dt>
            <dd className="prewrap">{plan.resources[r] === "" ? "—" : plan.resources[r]}</dd>
          </div>
        ))}
      </dl>
      <h3>{t("plan.steeringCommittee")}</h3>
      {plan.steeringCommittee.length === 0 ? (
        <p>—</p>
      ) : (
        <ul>
          {plan.steeringCommittee.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
