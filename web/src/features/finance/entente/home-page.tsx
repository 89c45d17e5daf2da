import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { EntenteList } from "../../../../../src/finance/contracts/api.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { appPath } from "../../../shared/app-path.ts";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { SignedInLayout, useAccount } from "../../access/index.ts";
import { financePaths } from "../finance-paths.ts";

/** Goes to the account's entente; an account over several ententes picks one. */
export function HomePage() {
  const { t } = useTranslation();
  const account = useAccount();
  const list = useResource(account.ententeId === null ? financePaths.ententes : null, EntenteList);
  if (account.ententeId !== null) return <Navigate to={appPath(account.ententeId)} replace />;
  const only = list.data?.length === 1 ? list.data[0] : undefined;
  if (only !== undefined) return <Navigate to={appPath(only.id)} replace />;
  return (
    <SignedInLayout>
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
    </SignedInLayout>
  );
}
