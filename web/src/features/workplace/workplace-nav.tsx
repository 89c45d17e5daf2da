import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { appPath } from "../../shared/app-path.ts";

/** The "Espace numérique" group of the entente's navigation (every console role reads the catalogue). */
export function WorkplaceNav({ ententeId }: { ententeId: string }) {
  const { t } = useTranslation();
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
        <li>
          <NavLink to={appPath(ententeId, "workplace", "status")} className="nav__link">
            {t("workplace.nav.status")}
          </NavLink>
        </li>
      </ul>
    </div>
  );
}
