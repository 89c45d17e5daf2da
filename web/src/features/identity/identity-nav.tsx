import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { appPath } from "../../shared/app-path.ts";
import { canReadIdentity, useAccount } from "../access/index.ts";
import { IDENTITY_PAGES } from "./identity-pages.ts";

/** The "Fédération d'identité" group of the main navigation, for who may read it. */
export function IdentityNav({ ententeId }: { ententeId: string }) {
  const { t } = useTranslation();
  const account = useAccount();
  if (!canReadIdentity(account)) return null;
  return (
    // the separator spans the whole width like the nav's own border; the label and the links
    // inside share the nav's margins (.nav__group, .nav__list)
    <div className="nav__section">
      <p className="nav__group" id="nav-identity">
        {t("identity.navTitle")}
      </p>
      <ul className="nav__list" aria-labelledby="nav-identity">
        {IDENTITY_PAGES.map((page) => (
          <li key={page}>
            <NavLink to={appPath(ententeId, "identity", page)} className="nav__link">
              {t(`identity.nav.${page}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
