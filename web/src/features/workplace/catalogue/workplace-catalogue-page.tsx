import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Service } from "../../../../../src/identity/contracts.ts";
import { CatalogueEntry, Subscription } from "../../../../../src/workplace/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canManageIdentity, useAccount } from "../../access/index.ts";
import { useEntente } from "../../finance/index.ts";
import { MigrationTable } from "../subscriptions/migration-table.tsx";
import { workplacePaths } from "../workplace-paths.ts";
import { CatalogueForm } from "./catalogue-form.tsx";
import { SubscriptionsSection } from "./subscriptions-section.tsx";

const EntryList = z.array(CatalogueEntry);
const ClientList = z.array(Service);
const SubscriptionList = z.array(Subscription);
type Entry = z.infer<typeof CatalogueEntry>;

/** The members subscribed to each entry (read once per list). */
function useSubscribers(ententeId: string, entries: readonly Entry[] | undefined) {
  const api = useApi();
  const [byService, setByService] = useState<Record<string, string[]>>({});
  useEffect(() => {
    if (entries === undefined) return;
    const controller = new AbortController();
    Promise.all(
      entries.map(async (e) => {
        const list = await api.get(
          workplacePaths.subscriptions(ententeId, e.clientId),
          SubscriptionList,
          controller.signal,
        );
        return [e.clientId, list.map((s) => s.memberId)] as const;
      }),
    ).then(
      (pairs) => setByService(Object.fromEntries(pairs)),
      () => undefined, // the list itself shows the API's problems; the column stays empty
    );
    return () => controller.abort();
  }, [api, ententeId, entries]);
  return byService;
}

/** The entries, each with its subscribers and a button that shows its subscriptions. */
function CatalogueTable({
  entries,
  subscribers,
  onShow,
}: {
  entries: readonly Entry[];
  subscribers: Record<string, string[]>;
  onShow: (entry: Entry) => void;
}) {
  const { t } = useTranslation();
  const { memberName } = useEntente();
  return (
    <CaptionedTable caption={t("workplace.catalogue.caption", { count: entries.length })} className="table">
      <thead>
        <tr>
          <th scope="col">{t("workplace.catalogue.logo")}</th>
          <th scope="col">{t("workplace.catalogue.name")}</th>
          <th scope="col">{t("workplace.catalogue.kind")}</th>
          <th scope="col">{t("workplace.catalogue.maturity")}</th>
          <th scope="col">{t("workplace.catalogue.order")}</th>
          <th scope="col">{t("workplace.catalogue.url")}</th>
          <th scope="col">{t("workplace.catalogue.subscribers")}</th>
          <th scope="col">{t("workplace.catalogue.showSubscriptions")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.clientId}>
            <td>
              <img src={e.logo} alt="" width={32} height={32} />
            </td>
            <th scope="row">{e.name}</th>
            <td>{t(`workplace.catalogue.kinds.${e.kind}`)}</td>
            <td>{t(`workplace.catalogue.maturities.${e.maturity}`)}</td>
            <td>{e.displayOrder}</td>
            <td>
              <a href={e.url}>{e.url}</a>
            </td>
            <td>
              {(subscribers[e.clientId] ?? []).map(memberName).join(", ") ||
                t("workplace.catalogue.noSubscriber")}
            </td>
            <td>
              <button
                type="button"
                className="button button--secondary"
                aria-label={t("workplace.catalogue.showSubscriptionsNamed", { name: e.name })}
                onClick={() => onShow(e)}
              >
                {t("workplace.catalogue.showSubscriptions")}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}

/** The service catalogue: every entry with its logo, kind, maturity, order and subscribers; the secretariat adds one. */
export function WorkplaceCataloguePage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const manage = canManageIdentity(useAccount());
  const entries = useResource(workplacePaths.services(entente.id), EntryList);
  const clients = useResource(manage ? workplacePaths.clients(entente.id) : null, ClientList);
  const subscribers = useSubscribers(entente.id, entries.data);
  const [selected, setSelected] = useState<Entry | null>(null);
  const [migrationVersion, setMigrationVersion] = useState(0);
  const catalogued = new Set((entries.data ?? []).map((e) => e.clientId));
  const candidates = (clients.data ?? []).filter((c) => !catalogued.has(c.clientId));
  return (
    <>
      <PageHeader title={t("workplace.catalogue.title")} />
      <p className="lead">{t("workplace.catalogue.intro")}</p>
      <ResourceStatus resource={entries} />
      {entries.data !== undefined && entries.data.length === 0 && <p>{t("workplace.catalogue.none")}</p>}
      {entries.data !== undefined && entries.data.length > 0 && (
        <CatalogueTable entries={entries.data} subscribers={subscribers} onShow={setSelected} />
      )}
      {selected !== null && (
        <SubscriptionsSection
          key={selected.clientId}
          clientId={selected.clientId}
          name={selected.name}
          manage={manage}
          onChanged={() => setMigrationVersion((v) => v + 1)}
        />
      )}
      <MigrationTable key={migrationVersion} ententeId={entente.id} />
      {manage && clients.data !== undefined && (
        <CatalogueForm
          clients={candidates}
          nextOrder={(entries.data?.length ?? 0) + 1}
          onSaved={entries.reload}
        />
      )}
    </>
  );
}
