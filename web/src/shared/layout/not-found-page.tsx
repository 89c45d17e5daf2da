import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "./page-header.tsx";

/** The page for a URL the console does not know, with the way back home. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("notFound.title")} />
      <p>{t("notFound.text")}</p>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </>
  );
}
