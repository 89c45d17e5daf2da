import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { EntenteList } from "../../../src/finance/contracts/api.ts";
import { apiPaths } from "../api/paths.ts";
import { useResource } from "../api/use-resource.ts";
import { appPath } from "../app-paths.ts";
import { Layout } from "../components/layout.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { ResourceStatus } from "../components/resource-status.tsx";
import { useAccount } from "../session/session-context.tsx";

/** Goes to the account's entente; an account over several ententes picks one. */
export function HomePage() {
  const { t } = useTranslation();
  const account = useAccount();
  const list = useResource(account.ententeId === null ? apiPaths.ententes : null, EntenteList);
  if (account.ententeId !== null) return <Navigate to={appPath(account.ententeId)} replace />;
  const only = list.data?.length === 1 ? list.data[0] : undefined;
  if (only !== undefined) return <Navigate to={appPath(only.id)} replace />;
  return (
    <Layout entente={null}>
      <PageHeader title={t("home.title")} />
      <ResourceStatus resource={list} />
      {list.data?.length === 0 && <p>{t("home.none")}</p>}
      <ul className="card-list">
        {list.data?.map((e) => (
          <li key={e.id} className="card">
            <h2 className="card__title">
              <Link to={appPath(e.id)}>{e.name}</Link>
            </h2>
            <p>{t("home.summary", { count: e.members, years: e.years.join(", ") })}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
