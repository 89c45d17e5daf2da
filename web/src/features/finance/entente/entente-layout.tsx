import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useParams } from "react-router";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { SignedInLayout } from "../../access/index.ts";
import { EntenteProvider, useEntenteResource } from "./entente-context.tsx";
import { EntenteNav } from "./entente-nav.tsx";

/**
 * Every page of one entente: loads it once, then shows the page inside the signed-in layout with
 * the entente's navigation. `moreNav` adds the navigation groups of other features (the app
 * composes identity's), so that finance needs not know them.
 */
export function EntenteLayout({ moreNav }: { moreNav?: (ententeId: string) => ReactNode }) {
  const { t } = useTranslation();
  const { ententeId = "" } = useParams();
  const resource = useEntenteResource(ententeId);
  if (resource.data === undefined) {
    return (
      <SignedInLayout>
        <PageHeader title={t("app.name")} />
        <ResourceStatus resource={resource} />
      </SignedInLayout>
    );
  }
  return (
    <EntenteProvider resource={resource}>
      <SignedInLayout
        tagline={resource.data.name}
        nav={<EntenteNav ententeId={resource.data.id}>{moreNav?.(resource.data.id)}</EntenteNav>}
      >
        <Outlet />
      </SignedInLayout>
    </EntenteProvider>
  );
}
