import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Service } from "../../../../../src/identity/contracts.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canManageIdentity, useAccount } from "../../access/index.ts";
import { useEntente } from "../../finance/index.ts";
import { identityPaths } from "../identity-paths.ts";
import { SecretOnce, type ShownSecret } from "./secret-once.tsx";
import { SecretRotateDialog } from "./secret-rotate-dialog.tsx";
import type { ServiceJson } from "./service-draft.ts";
import { ServiceForm } from "./service-form.tsx";
import { ServicesTable } from "./services-table.tsx";

const ServiceList = z.array(Service);

/** Services (relying parties): list, register with exact redirect URIs, access policy and claims. */
export function IdentityServicesPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const manage = canManageIdentity(useAccount());
  const services = useResource(identityPaths.services(entente.id), ServiceList);
  const [editing, setEditing] = useState<ServiceJson | "new" | null>(null);
  // The secret is shown once, right after creation or rotation, and forgotten on the next action.
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  // A new form for each "add" or "edit" click; a save keeps the form (focus, saved notice).
  const [opened, setOpened] = useState(0);
  const open = (what: ServiceJson | "new") => {
    setSecret(null);
    setEditing(what);
    setOpened((n) => n + 1);
  };
  // the service whose secret the person asked to replace: a dialog asks to confirm first
  const [rotating, setRotating] = useState<ServiceJson | null>(null);
  return (
    <>
      <PageHeader title={t("identity.services.title")}>
        {manage && (
          <button type="button" className="button" onClick={() => open("new")}>
            {t("identity.services.add")}
          </button>
        )}
      </PageHeader>
      <p className="lead">{t("identity.services.intro")}</p>
      <ResourceStatus resource={services} />
      {secret !== null && <SecretOnce secret={secret} />}
      {services.data !== undefined && services.data.length === 0 && <p>{t("identity.services.none")}</p>}
      {services.data !== undefined && services.data.length > 0 && (
        <ServicesTable
          services={services.data}
          manage={manage}
          onEdit={open}
          onRotate={(s) => {
            setSecret(null);
            setRotating(s);
          }}
        />
      )}
      {rotating !== null && (
        <SecretRotateDialog
          key={rotating.clientId}
          service={rotating}
          onRotated={(value) => {
            setSecret({ clientId: rotating.clientId, value });
            setRotating(null);
            services.reload();
          }}
          onClose={() => setRotating(null)}
        />
      )}
      {editing !== null && (
        <ServiceForm
          key={opened}
          service={editing === "new" ? null : editing}
          onCreated={(created) => {
            if (created.clientSecret !== null) {
              setSecret({ clientId: created.service.clientId, value: created.clientSecret });
            }
            setEditing(created.service);
            services.reload();
          }}
          onSaved={(saved) => {
            setEditing(saved);
            services.reload();
          }}
        />
      )}
    </>
  );
}
