import { type ReactNode, useLayoutEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";
import { appPath } from "../app-paths.ts";
import { canReadAudit } from "../session/permissions.ts";
import { useAccount, useSessionContext } from "../session/session-context.tsx";
import { IdentityNav } from "./identity-nav.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { SiteHeader } from "./site-header.tsx";

const NAV = [
  ["", "nav.dashboard"],
  ["members", "nav.members"],
  ["keys", "nav.keys"],
  ["missions", "nav.missions"],
  ["budget", "nav.budget"],
  ["settlement", "nav.settlement"],
  ["tables", "nav.tables"],
  ["decisions", "nav.decisions"],
  ["fund-calls", "nav.fundCalls"],
  ["audit", "nav.audit"],
] as const;

/**
 * Navigation state of a change that stays on the same page (another year in the URL path, chosen
 * in a select): focus stays where it is instead of going to the <h1>.
 */
export const KEEP_FOCUS = { keepFocus: true } as const;

/**
 * The frame of every signed-in page: skip link, header (service, entente, account, language,
 * sign-out), main navigation, <main>. After each navigation focus goes to the page's <h1>
 * (unless the navigation carries {@link KEEP_FOCUS}).
 */
export function Layout({
  entente,
  children,
}: {
  entente: { id: string; name: string } | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const account = useAccount();
  const { signOut } = useSessionContext();
  const { pathname, state } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const keepFocus = useRef(false);
  keepFocus.current = (state as Partial<typeof KEEP_FOCUS> | null)?.keepFocus === true;

  // a layout effect: focus moves in the same frame as the new page appears
  useLayoutEffect(() => {
    // pathname is the trigger: focus the new page's title, but not on the first page load.
    void pathname;
    if (first.current) {
      first.current = false;
      return;
    }
    if (keepFocus.current) return;
    main.current?.querySelector<HTMLElement>("h1")?.focus();
  }, [pathname]);

  return (
    <>
      <SiteHeader
        tagline={entente === null ? t("app.tagline") : entente.name}
        tools={
          <>
            <p className="header__account">
              <span className="header__user">{account.displayName}</span>{" "}
              <span className="header__role">{t(`roles.${account.role}`)}</span>
            </p>
            <LanguageSwitch />
            <button type="button" className="button button--secondary" onClick={() => void signOut()}>
              {t("layout.signOut")}
            </button>
          </>
        }
      >
        {entente !== null && (
          <nav className="nav" aria-label={t("layout.mainNav")}>
            <ul className="nav__list">
              {NAV.filter(([path]) => path !== "audit" || canReadAudit(account)).map(([path, label]) => (
                <li key={path}>
                  <NavLink
                    to={path === "" ? appPath(entente.id) : appPath(entente.id, path)}
                    end={path === ""}
                    className="nav__link"
                  >
                    {t(label)}
                  </NavLink>
                </li>
              ))}
            </ul>
            <IdentityNav ententeId={entente.id} />
          </nav>
        )}
      </SiteHeader>
      <main id="contenu" tabIndex={-1} ref={main} className="main">
        {children}
      </main>
      <footer className="footer">
        <p>{t("layout.footer")}</p>
      </footer>
    </>
  );
}
