import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ResourceServer } from "../../../../../src/identity/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canManageIdentity, useAccount } from "../../access/index.ts";
import { useEntente } from "../../finance/index.ts";
import { RemoveButton } from "../components/remove-button.tsx";
import { identityPaths } from "../identity-paths.ts";
import { ResourceServerForm } from "./resource-server-form.tsx";

const ResourceServerList = z.array(ResourceServer);

/** Resource servers of the entente (docs/resource-servers.md): listed for readers, registered and removed by who manages. */
export function IdentityResourceServersPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const manage = canManageIdentity(useAccount());
  const api = useApi();
  const servers = useResource(identityPaths.resourceServers(entente.id), ResourceServerList);
  const remove = useSubmit();
  const onRemove = async (id: string) => {
    await remove.run(z.null(), null, () =>
      api.send("DELETE", identityPaths.resourceServer(entente.id, id), undefined, null),
    );
    servers.reload();
  };
  const rs = (
    key:
      | "title"
      | "intro"
      | "none"
      | "name"
      | "audience"
      | "scopes"
      | "format"
      | "ttl"
      | "state"
      | "enabled"
      | "disabled"
      | "formats.opaque",
  ) => t(`identity.resourceServers.${key}`);
  return (
    <>
      <PageHeader title={rs("title")} />
      <p className="lead">{rs("intro")}</p>
      <ProblemAlert error={remove.error} />
      <ResourceStatus resource={servers} />
      {servers.data !== undefined && servers.data.length === 0 && <p>{rs("none")}</p>}
      {servers.data !== undefined && servers.data.length > 0 && (
        <CaptionedTable caption={rs("title")} className="table" hideCaption>
          <thead>
            <tr>
              <th scope="col">{rs("name")}</th>
              <th scope="col">{rs("audience")}</th>
              <th scope="col">{rs("scopes")}</th>
              <th scope="col">{rs("format")}</th>
              <th scope="col">{rs("ttl")}</th>
              <th scope="col">{rs("state")}</th>
              {manage && <th scope="col">{t("identity.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {servers.data.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name}</th>
                <td>{s.audience}</td>
                <td>{s.scopes.join(" ")}</td>
                <td>{s.tokenFormat === "jwt" ? `JWT (${s.jwtType})` : rs("formats.opaque")}</td>
                <td>{s.accessTokenTtlSeconds}</td>
                <td>{s.enabled ? rs("enabled") : rs("disabled")}</td>
                {manage && (
                  <td>
                    <RemoveButton name={s.name} onClick={() => void onRemove(s.id)} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </CaptionedTable>
      )}
      {manage && <ResourceServerForm onSaved={servers.reload} />}
    </>
  );
}
