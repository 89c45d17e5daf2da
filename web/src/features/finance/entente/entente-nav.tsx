import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { appPath } from "../../../shared/app-path.ts";
import { canEditBudget, canEditKeys, canReadAudit, useAccount } from "../../access/index.ts";

const PAGES = [
  ["", "nav.dashboard"],
  ["members", "nav.members"],
  ["keys", "nav.keys"],
  ["simulator", "nav.simulator"],
  ["usage-key", "nav.usageKey"],
  ["missions", "nav.missions"],
  ["budget", "nav.budget"],
  ["amending-budget", "nav.amending"],
  ["settlement", "nav.settlement"],
  ["tables", "nav.tables"],
  ["decisions", "nav.decisions"],
  ["fund-calls", "nav.fundCalls"],
  ["audit", "nav.audit"],
] as const;

/**
 * The main navigation of an entente: its governance and finance pages (the audit trail for who
 * may read it, the key simulator for who may edit keys), then `children` — the groups of other features (identity), added by the app.
 */
export function EntenteNav({ ententeId, children }: { ententeId: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const account = useAccount();
  return (
    <nav className="nav" aria-label={t("layout.mainNav")}>
      <ul className="nav__list">
        {PAGES.filter(
          ([path]) =>
            (path !== "audit" || canReadAudit(account)) &&
            (path !== "amending-budget" || canEditBudget(account)) &&
            (path !== "simulator" || canEditKeys(account)),
        ).map(([path, label]) => (
          <li key={path}>
            <NavLink
              to={path === "" ? appPath(ententeId) : appPath(ententeId, path)}
              end={path === ""}
              className="nav__link"
            >
              {t(label)}
            </NavLink>
          </li>
        ))}
      </ul>
      {children}
    </nav>
  );
}
