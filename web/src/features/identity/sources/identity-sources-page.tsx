import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Source } from "../../../../../src/identity/contracts.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canManageIdentity, useAccount } from "../../access/index.ts";
import { useEntente } from "../../finance/index.ts";
import { identityPaths } from "../identity-paths.ts";
import type { SourceJson } from "./source-draft.ts";
import { SourceForm } from "./source-form.tsx";
import { SourcesTable } from "./sources-table.tsx";

const SourceList = z.array(Source);

/** Identity sources of the members: list, connect one (LDAP/AD, OIDC, SAML, local accounts), edit. */
export function IdentitySourcesPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const account = useAccount();
  const sources = useResource(identityPaths.sources(entente.id), SourceList);
  const [editing, setEditing] = useState<SourceJson | "new" | null>(null);
  // A new form for each "add" or "edit" click; a save keeps the form (focus, saved notice).
  const [opened, setOpened] = useState(0);
  const open = (what: SourceJson | "new") => {
    setEditing(what);
    setOpened((n) => n + 1);
  };
  const manage = canManageIdentity(account);
  return (
    <>
      <PageHeader title={t("identity.sources.title")}>
        {manage && (
          <button type="button" className="button" onClick={() => open("new")}>
            {t("identity.sources.add")}
          </button>
        )}
      </PageHeader>
      <p className="lead">{t("identity.sources.intro")}</p>
      <ResourceStatus resource={sources} />
      {sources.data !== undefined && sources.data.length === 0 && <p>{t("identity.sources.none")}</p>}
      {sources.data !== undefined && sources.data.length > 0 && (
        <SourcesTable sources={sources.data} manage={manage} onEdit={open} />
      )}
      {editing !== null && (
        <SourceForm
          key={opened}
          source={editing === "new" ? null : editing}
          onSaved={(saved) => {
            setEditing(saved);
            sources.reload();
          }}
        />
      )}
    </>
  );
}
