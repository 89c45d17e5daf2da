import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { MemberDomain, Source } from "../../../../../src/identity/contracts.ts";
import type { Resource } from "../../../shared/api/use-resource.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { RemoveButton } from "../components/remove-button.tsx";
import { DomainForm } from "./domain-form.tsx";

/** The members' email domains, each with the source that signs its addresses in; added and removed by who manages. */
export function DomainsSection({
  domains,
  sources,
  manage,
  sourceLabel,
  onRemove,
}: {
  domains: Resource<z.infer<typeof MemberDomain>[]>;
  sources: z.infer<typeof Source>[];
  manage: boolean;
  sourceLabel: (id: string | null) => string;
  onRemove: (domain: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="domains-title" className="section">
      <h2 id="domains-title">{t("identity.domains.domains")}</h2>
      <ResourceStatus resource={domains} />
      {domains.data !== undefined && domains.data.length === 0 && <p>{t("identity.domains.noDomain")}</p>}
      {domains.data !== undefined && domains.data.length > 0 && (
        <CaptionedTable caption={t("identity.domains.domains")} className="table" hideCaption>
          <thead>
            <tr>
              <th scope="col">{t("identity.domains.domain")}</th>
              <th scope="col">{t("identity.member")}</th>
              <th scope="col">{t("identity.source")}</th>
              {manage && <th scope="col">{t("identity.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {domains.data.map((d) => (
              <tr key={d.domain}>
                <th scope="row">{d.domain}</th>
                <td>{d.memberName}</td>
                <td>{sourceLabel(d.sourceId)}</td>
                {manage && (
                  <td>
                    <RemoveButton name={d.domain} onClick={() => onRemove(d.domain)} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </CaptionedTable>
      )}
      {manage && <DomainForm sources={sources} onSaved={domains.reload} />}
    </section>
  );
}
