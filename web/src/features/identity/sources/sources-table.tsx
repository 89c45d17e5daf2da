import { useTranslation } from "react-i18next";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { useEntente } from "../../finance/index.ts";
import type { SourceJson } from "./source-draft.ts";

/** The members' identity sources: label, member, kind, state, whether a secret is stored; an edit button for who manages them. */
export function SourcesTable({
  sources,
  manage,
  onEdit,
}: {
  sources: readonly SourceJson[];
  manage: boolean;
  onEdit: (source: SourceJson) => void;
}) {
  const { t } = useTranslation();
  const { memberName } = useEntente();
  return (
    <CaptionedTable caption={t("identity.sources.caption", { count: sources.length })} className="table">
      <thead>
        <tr>
          <th scope="col">{t("identity.sources.label")}</th>
          <th scope="col">{t("identity.member")}</th>
          <th scope="col">{t("identity.sources.kind")}</th>
          <th scope="col">{t("identity.sources.state")}</th>
          <th scope="col">{t("identity.sources.secret")}</th>
          {manage && <th scope="col">{t("identity.actions")}</th>}
        </tr>
      </thead>
      <tbody>
        {sources.map((s) => (
          <tr key={s.id}>
            <th scope="row">{s.label}</th>
            <td>{memberName(s.memberId)}</td>
            <td>{t(`identity.kinds.${s.kind}`)}</td>
            <td>{s.enabled ? t("identity.sources.enabled") : t("identity.sources.disabled")}</td>
            <td>{s.hasSecret ? t("identity.sources.secretSet") : "—"}</td>
            {manage && (
              <td>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => onEdit(s)}
                  aria-label={t("identity.sources.editNamed", { label: s.label })}
                >
                  {t("identity.edit")}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}
