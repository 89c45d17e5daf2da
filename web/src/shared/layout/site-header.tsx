import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** The skip link and the banner: the service's name, a tagline, the tools on the right, then `children` (the nav). */
export function SiteHeader({
  tagline,
  tools,
  children,
}: {
  tagline: string;
  tools: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#contenu">
        {t("layout.skipToContent")}
      </a>
      <header className="header">
        <div className="header__inner">
          <div className="header__brand">
            <p className="header__service">{t("app.name")}</p>
            <p className="header__tagline">{tagline}</p>
          </div>
          <div className="header__tools">{tools}</div>
        </div>
        {children}
      </header>
    </>
  );
}
