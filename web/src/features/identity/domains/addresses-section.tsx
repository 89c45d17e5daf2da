import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { RegisteredAddress, Source } from "../../../../../src/identity/contracts.ts";
import type { Resource } from "../../../shared/api/use-resource.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { RemoveButton } from "../components/remove-button.tsx";
import { AddressForm } from "./address-form.tsx";

/**
 * Personal addresses registered for a member (an élu's own mailbox outside the member's
 * domains), with their source and role; added and removed by who manages.
 */
export function AddressesSection({
  addresses,
  sources,
  manage,
  sourceLabel,
  onRemove,
}: {
  addresses: Resource<z.infer<typeof RegisteredAddress>[]>;
  sources: z.infer<typeof Source>[];
  manage: boolean;
  sourceLabel: (id: string | null) => string;
  onRemove: (email: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="addresses-title" className="section">
      <h2 id="addresses-title">{t("identity.domains.addresses")}</h2>
      <p className="hint">{t("identity.domains.addressesIntro")}</p>
      <ResourceStatus resource={addresses} />
      {addresses.data !== undefined && addresses.data.length === 0 && (
        <p>{t("identity.domains.noAddress")}</p>
      )}
      {addresses.data !== undefined && addresses.data.length > 0 && (
        <CaptionedTable caption={t("identity.domains.addresses")} className="table" hideCaption>
          <thead>
            <tr>
              <th scope="col">{t("identity.email")}</th>
              <th scope="col">{t("identity.member")}</th>
              <th scope="col">{t("identity.source")}</th>
              <th scope="col">{t("identity.role")}</th>
              <th scope="col">{t("identity.domains.note")}</th>
              {manage && <th scope="col">{t("identity.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {addresses.data.map((a) => (
              <tr key={a.email}>
                <th scope="row">{a.email}</th>
                <td>{a.memberName}</td>
                <td>{sourceLabel(a.sourceId)}</td>
                <td>
                  {a.role === null ? t("identity.domains.roleFromSource") : t(`identity.roles.${a.role}`)}
                </td>
                <td>{a.note ?? "—"}</td>
                {manage && (
                  <td>
                    <RemoveButton name={a.email} onClick={() => onRemove(a.email)} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </CaptionedTable>
      )}
      {manage && <AddressForm sources={sources} onSaved={addresses.reload} />}
    </section>
  );
}
