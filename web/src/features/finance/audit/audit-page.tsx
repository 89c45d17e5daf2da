import { useTranslation } from "react-i18next";
import { AuditPage as AuditPageSchema } from "../../../../../src/finance/contracts/api.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { Pager } from "../../../shared/components/pager.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { useCursorPages } from "../../../shared/hooks/use-cursor-pages.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import { AuditTable } from "./audit-table.tsx";

/** Who changed what and when, newest first, one page at a time (cursor `before`). */
export function AuditPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const pages = useCursorPages();
  const page = useResource(financePaths.audit(entente.id, pages.before), AuditPageSchema);
  const events = page.data?.events ?? [];
  const next = page.data?.nextBefore ?? null;
  return (
    <>
      <PageHeader title={t("audit.title")} />
      <p className="lead">{t("audit.intro")}</p>
      <ResourceStatus resource={page} />
      {page.data !== undefined && events.length === 0 && <p>{t("audit.none")}</p>}
      {events.length > 0 && <AuditTable events={events} page={pages.page} />}
      <Pager
        label={t("audit.pages")}
        back={{ text: t("audit.newer"), enabled: pages.hasNewer, go: pages.newer }}
        forward={{
          text: t("audit.older"),
          enabled: next !== null,
          go: () => {
            if (next !== null) pages.older(next);
          },
        }}
      />
    </>
  );
}
