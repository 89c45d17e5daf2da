import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { appPath } from "../../shared/app-path.ts";
import { canReadIdentity, useAccount } from "../access/index.ts";

/** The "Espace numérique" group of the entente's navigation (every console role reads the catalogue). */
export function WorkplaceNav({ ententeId }: { ententeId: string }) {
  const { t } = useTranslation();
  // Announcements: the secretariat, or a member's finance officer for their member (the API's rule).
  const writesAnnouncements = canReadIdentity(useAccount());
  return (
    <div className="nav__section">
      <p className="nav__group" id="nav-workplace">
        {t("workplace.navTitle")}
      </p>
      <ul className="nav__list" aria-labelledby="nav-workplace">
        <li>
          <NavLink to={appPath(ententeId, "workplace", "catalogue")} className="nav__link">
            {t("workplace.nav.catalogue")}
          </NavLink>
        </li>
        {writesAnnouncements && (
          <li>
            <NavLink to={appPath(ententeId, "workplace", "announcements")} className="nav__link">
              {t("workplace.nav.announcements")}
            </NavLink>
          </li>
        )}
        <li>
          <NavLink to={appPath(ententeId, "workplace", "status")} className="nav__link">
            {t("workplace.nav.status")}
          </NavLink>
        </li>
      </ul>
    </div>
  );
}
