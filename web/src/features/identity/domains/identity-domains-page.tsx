import { useTranslation } from "react-i18next";
import { z } from "zod";
import { MemberDomain, RegisteredAddress, Source } from "../../../../../src/identity/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canManageIdentity, useAccount } from "../../access/index.ts";
import { useEntente } from "../../finance/index.ts";
import { identityPaths } from "../identity-paths.ts";
import { AddressesSection } from "./addresses-section.tsx";
import { DomainsSection } from "./domains-section.tsx";

const DomainList = z.array(MemberDomain);
const AddressList = z.array(RegisteredAddress);
const SourceList = z.array(Source);

/** Email domains of the members, and the personal addresses (élus) registered for them. */
export function IdentityDomainsPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const account = useAccount();
  const api = useApi();
  const manage = canManageIdentity(account);
  const domains = useResource(identityPaths.domains(entente.id), DomainList);
  const addresses = useResource(identityPaths.addresses(entente.id), AddressList);
  const sources = useResource(identityPaths.sources(entente.id), SourceList);
  const sourceLabel = (id: string | null) =>
    id === null ? t("identity.domains.firstSource") : (sources.data?.find((s) => s.id === id)?.label ?? id);
  const remove = useSubmit();
  const removeThen = async (path: string, reload: () => void) => {
    await remove.run(z.null(), null, () => api.send("DELETE", path, undefined, null));
    reload();
  };
  return (
    <>
      <PageHeader title={t("identity.domains.title")} />
      <p className="lead">{t("identity.domains.intro")}</p>
      <ProblemAlert error={remove.error} />
      <DomainsSection
        domains={domains}
        sources={sources.data ?? []}
        manage={manage}
        sourceLabel={sourceLabel}
        onRemove={(domain) => void removeThen(identityPaths.domain(entente.id, domain), domains.reload)}
      />
      <AddressesSection
        addresses={addresses}
        sources={sources.data ?? []}
        manage={manage}
        sourceLabel={sourceLabel}
        onRemove={(email) => void removeThen(identityPaths.address(entente.id, email), addresses.reload)}
      />
    </>
  );
}
