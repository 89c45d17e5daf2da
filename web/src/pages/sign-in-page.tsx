import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { SignInRequest } from "../../../src/access/contracts.ts";
import { TextField } from "../components/field.tsx";
import { LanguageSwitch } from "../components/language-switch.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { ProblemAlert } from "../components/problem-alert.tsx";
import { SiteHeader } from "../components/site-header.tsx";
import { SubmitButton } from "../components/submit-button.tsx";
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
      <SiteHeader tagline={t("app.tagline")} tools={<LanguageSwitch />} />
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
          <SubmitButton
            saving={submit.saving}
            label={t("signIn.submit")}
            savingLabel={t("signIn.signingIn")}
          />
        </form>
      </main>
    </>
  );
}
