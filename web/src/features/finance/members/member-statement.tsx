import { useTranslation } from "react-i18next";
import { MemberStatement as MemberStatementSchema } from "../../../../../src/finance/contracts/api.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { Euros } from "../../../shared/components/amount.tsx";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { TableWrap } from "../../../shared/components/table-wrap.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { Member } from "../finance-types.ts";

/**
 * A member's account over the years (called, paid, due by call year) and what it still owes; for
 * a member that leaves, « reste dû à la sortie ». The server computes it (member-statement.ts).
 */
export function MemberStatement({ member }: { member: Member }) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const statement = useResource(financePaths.memberStatement(entente.id, member.id), MemberStatementSchema);
  const data = statement.data;
  return (
    <section aria-labelledby="statement-title">
      <h2 id="statement-title">{t("members.statementTitle", { name: member.name })}</h2>
      <ResourceStatus resource={statement} />
      {data !== undefined && (
        <>
          <p className="meta" data-still-owed>
            {member.to === null ? t("members.stillOwed") : t("members.owedOnLeaving", { year: member.to })}{" "}
            <Euros value={data.stillOwed} />
          </p>
          <p className="actions">
            {(["odt", "pdf"] as const).map((format) => (
              <a
                key={format}
                className="button button--secondary"
                href={`${financePaths.memberStatement(entente.id, member.id)}.${format}`}
                download
              >
                {t(`members.download_${format}`)}
              </a>
            ))}
          </p>
          <TableWrap label={t("members.statementTitle", { name: member.name })}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("members.callYear")}</th>
                  <th scope="col">{t("members.called")}</th>
                  <th scope="col">{t("members.paid")}</th>
                  <th scope="col">{t("members.due")}</th>
                </tr>
              </thead>
              <tbody>
                {data.years.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">
                      {y.year}
                      {!y.issued && <span className="tag">{t("members.notIssued")}</span>}
                    </th>
                    <EurosCell value={y.called} />
                    <EurosCell value={y.paid} />
                    <EurosCell value={y.due} strong />
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}
