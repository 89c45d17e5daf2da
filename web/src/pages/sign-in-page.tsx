import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { SignInRequest } from "../../../src/contracts/api.ts";
import { TextField } from "../components/field.tsx";
import { LanguageSwitch } from "../components/language-switch.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { ProblemAlert } from "../components/problem-alert.tsx";
import { useSubmit } from "../components/use-submit.ts";
import { useSessionContext } from "../session/session-context.tsx";

type FromState = { from?: string; expired?: boolean } | null;

/** Email and password; back to the page that asked for a session once signed in. */
export function SignInPage() {
  const { t } = useTranslation();
  const { state, signIn } = useSessionContext();
  const location = useLocation();
  const from = (location.state as FromState)?.from ?? "/";
  const expired = (location.state as FromState)?.expired === true;
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const submit = useSubmit();

  if (state.status === "signed-in") return <Navigate to={from.startsWith("/") ? from : "/"} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(SignInRequest, { email: email.trim(), password }, (body) =>
      signIn(body.email, body.password),
    );
  };
  const shown = (field: string) => field === "email" || field === "password";

  return (
    <>
      <a className="skip-link" href="#contenu">
        {t("layout.skipToContent")}
      </a>
      <header className="header">
        <div className="header__inner">
          <div className="header__brand">
            <p className="header__service">{t("app.name")}</p>
            <p className="header__tagline">{t("app.tagline")}</p>
          </div>
          <div className="header__tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="contenu" tabIndex={-1} className="main main--narrow">
        <PageHeader title={t("signIn.title")} />
        {expired && <p className="alert alert--info">{t("signIn.expired")}</p>}
        <form className="form card" onSubmit={onSubmit} noValidate>
          <ProblemAlert error={submit.error} shownFields={shown} />
          <TextField
            id="email"
            label={t("signIn.email")}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={submit.fieldError("email")}
          />
          <TextField
            id="password"
            label={t("signIn.password")}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={submit.fieldError("password")}
          />
          <button type="submit" className="button" disabled={submit.saving}>
            {submit.saving ? t("signIn.signingIn") : t("signIn.submit")}
          </button>
        </form>
      </main>
    </>
  );
}
