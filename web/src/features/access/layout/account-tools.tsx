import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../../../shared/layout/language-switch.tsx";
import { useAccount, useSessionContext } from "../session/session-context.tsx";

/** The header's tools of a signed-in page: who is signed in and in which role, the language, sign-out. */
export function AccountTools() {
  const { t } = useTranslation();
  const account = useAccount();
  const { signOut } = useSessionContext();
  return (
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
  );
}
