import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Layout } from "../../../shared/layout/layout.tsx";
import { AccountTools } from "./account-tools.tsx";

/**
 * The frame of every signed-in page: the layout with the account's tools in its header. The
 * tagline is the entente's name inside an entente, the service's tagline elsewhere; `nav` is
 * the entente's navigation, composed by whoever knows its pages.
 */
export function SignedInLayout({
  tagline,
  nav,
  children,
}: {
  tagline?: string;
  nav?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Layout tagline={tagline ?? t("app.tagline")} tools={<AccountTools />} nav={nav}>
      {children}
    </Layout>
  );
}
