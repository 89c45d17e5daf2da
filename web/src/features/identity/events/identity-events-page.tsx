import { useState } from "react";
import { useTranslation } from "react-i18next";
import { IdentityEventPage } from "../../../../../src/identity/contracts.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { Pager } from "../../../shared/components/pager.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { useCursorPages } from "../../../shared/hooks/use-cursor-pages.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { useEntente } from "../../finance/index.ts";
import { identityPaths } from "../identity-paths.ts";
import { type EventFilters, EventsFilters, NO_FILTER } from "./events-filters.tsx";
import { EventsTable } from "./events-table.tsx";

/** A day of a filter as the instant it starts (`from`) or ends (`to`), in UTC; null when empty. */
const day = (d: string, end: boolean) => (d === "" ? null : `${d}T${end ? "23:59:59.999" : "00:00:00"}Z`);

/** The query of the sign-in log for `filters` (blank ones left out). */
const eventQuery = (filters: EventFilters, before: string | null) => ({
  kind: filters.kind || null,
  memberId: filters.memberId || null,
  sub: filters.sub.trim() || null,
  clientId: filters.clientId.trim() || null,
  from: day(filters.from, false),
  to: day(filters.to, true),
  before,
});

/** The sign-in log (journal des connexions): sign-ins, refusals, failures, logouts; filters; pages newest first. */
export function IdentityEventsPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const [filters, setFilters] = useState(NO_FILTER);
  const pages = useCursorPages();
  const page = useResource(
    identityPaths.events(entente.id, eventQuery(filters, pages.before)),
    IdentityEventPage,
  );
  const events = page.data?.events ?? [];
  const next = page.data?.nextBefore ?? null;
  return (
    <>
      <PageHeader title={t("identity.events.title")} />
      <p className="lead">{t("identity.events.intro")}</p>
      <EventsFilters
        onApply={(applied) => {
          setFilters(applied);
          pages.restart();
        }}
      />
      <ResourceStatus resource={page} />
      {page.data !== undefined && events.length === 0 && <p>{t("identity.events.none")}</p>}
      {events.length > 0 && <EventsTable events={events} page={pages.page} />}
      <Pager
        label={t("identity.events.pages")}
        back={{ text: t("identity.events.newer"), enabled: pages.hasNewer, go: pages.newer }}
        forward={{
          text: t("identity.events.older"),
          enabled: next !== null,
          go: () => {
            if (next !== null) pages.older(next);
          },
        }}
      />
    </>
  );
}
