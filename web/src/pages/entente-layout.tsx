import { useTranslation } from "react-i18next";
import { Outlet, useParams } from "react-router";
import { Layout } from "../components/layout.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { ResourceStatus } from "../components/resource-status.tsx";
import { EntenteProvider, useEntenteResource } from "../session/entente-context.tsx";

/** Every page of one entente: loads it once, then shows the page inside the layout. */
export function EntenteLayout() {
  const { t } = useTranslation();
  const { ententeId = "" } = useParams();
  const resource = useEntenteResource(ententeId);
  if (resource.data === undefined) {
    return (
      <Layout entente={null}>
        <PageHeader title={t("app.name")} />
        <ResourceStatus resource={resource} />
      </Layout>
    );
  }
  return (
    <EntenteProvider resource={resource}>
      <Layout entente={resource.data}>
        <Outlet />
      </Layout>
    </EntenteProvider>
  );
}
