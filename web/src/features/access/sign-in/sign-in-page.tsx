import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { SignInRequest } from "../../../../../src/access/contracts.ts";
import { TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { LanguageSwitch } from "../../../shared/layout/language-switch.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { SiteHeader } from "../../../shared/layout/site-header.tsx";
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
