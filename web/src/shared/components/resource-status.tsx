import { useTranslation } from "react-i18next";
import type { Resource } from "../api/use-resource.ts";
import { ProblemAlert } from "./problem-alert.tsx";

/** "Chargement…" while a resource loads (role="status"), its error when it fails. */
export function ResourceStatus({
  resource,
}: {
  resource: Pick<Resource<unknown>, "loading" | "error" | "reload">;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p role="status" className={resource.loading ? "loading" : "visually-hidden"}>
        {resource.loading ? t("common.loading") : ""}
      </p>
      {resource.error !== undefined && (
        <ProblemAlert error={resource.error} onReload={resource.reload} focus={false} />
      )}
    </>
  );
}
