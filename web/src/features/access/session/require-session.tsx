import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { useSessionContext } from "./session-context.tsx";

/** Shows the signed-in routes, or sends to the sign-in page and back here afterwards. */
export function RequireSession() {
  const { t } = useTranslation();
  const { state } = useSessionContext();
  const location = useLocation();
  if (state.status === "loading") {
    return (
      <p role="status" className="loading loading--page">
        {t("common.loading")}
      </p>
    );
  }
  if (state.status === "signed-out") {
    return (
      <Navigate
        to="/sign-in"
        replace
        state={{ from: `${location.pathname}${location.search}${location.hash}`, expired: state.expired }}
      />
    );
  }
  return <Outlet />;
}
