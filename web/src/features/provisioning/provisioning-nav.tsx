import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { appPath } from "../../shared/app-path.ts";

/** The "Comptes" group of the entente's navigation: the deliveries, the resyncs, the mail migration (secretariat). */
export function ProvisioningNav({ ententeId }: { ententeId: string }) {
  const { t } = useTranslation();
  return (
    <div className="nav__section">
      <p className="nav__group" id="nav-provisioning">
        {t("provisioning.navTitle")}
      </p>
      <ul className="nav__list" aria-labelledby="nav-provisioning">
        <li>
          <NavLink to={appPath(ententeId, "provisioning", "deliveries")} className="nav__link">
            {t("provisioning.nav.deliveries")}
          </NavLink>
        </li>
        <li>
          <NavLink to={appPath(ententeId, "provisioning", "resync")} className="nav__link">
            {t("provisioning.nav.resync")}
          </NavLink>
        </li>
        <li>
          <NavLink to={appPath(ententeId, "provisioning", "mail")} className="nav__link">
            {t("provisioning.nav.mail")}
          </NavLink>
        </li>
      </ul>
    </div>
  );
}
