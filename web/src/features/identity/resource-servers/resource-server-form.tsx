import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ResourceServer, ResourceServerWrite } from "../../../../../src/identity/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../../finance/index.ts";
import { FormErrorSummary } from "../components/form-error-summary.tsx";
import { useFormProblems } from "../components/use-form-problems.ts";
import { identityPaths } from "../identity-paths.ts";

const EMPTY = { name: "", audience: "", scopes: "", tokenFormat: "jwt", jwtType: "at+jwt", ttl: "300" };

/** Registers a resource server: its audience, scopes, token format and lifetime (the server checks every rule). */
export function ResourceServerForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const [draft, setDraft] = useState(EMPTY);
  const submit = useSubmit();
  const set = (field: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }));
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: draft.name,
      audience: draft.audience.trim(),
      scopes: draft.scopes.split(/[\s,]+/).filter((s) => s.length > 0),
      tokenFormat: draft.tokenFormat,
      jwtType: draft.tokenFormat === "jwt" ? draft.jwtType : "at+jwt",
      accessTokenTtlSeconds: Number(draft.ttl),
      enabled: true,
    };
    const saved = await submit.run(ResourceServerWrite, body, (b) =>
      api.send("POST", identityPaths.resourceServers(entente.id), b, ResourceServer),
    );
    if (saved === undefined) return;
    setDraft(EMPTY);
    onSaved();
  };
  const errors = useFormProblems(submit.error, [
    { id: "rs-name", label: t("identity.resourceServers.name"), path: "name" },
    { id: "rs-audience", label: t("identity.resourceServers.audience"), path: "audience" },
    { id: "rs-scopes", label: t("identity.resourceServers.scopes"), path: "scopes" },
    { id: "rs-ttl", label: t("identity.resourceServers.ttl"), path: "accessTokenTtlSeconds" },
  ]);
  const field = (id: string, key: "name" | "audience" | "scopes" | "ttl", hint?: string) => (
    <TextField
      id={id}
      label={t(`identity.resourceServers.${key}`)}
      hint={hint}
      value={draft[key]}
      required
      inputMode={key === "ttl" ? "numeric" : undefined}
      onChange={set(key)}
      error={errors.of(id)}
    />
  );
  return (
    <form className="form card" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="rs-form-title">
      <h2 id="rs-form-title">{t("identity.resourceServers.add")}</h2>
      <FormErrorSummary error={submit.error} problems={errors.problems} />
      {field("rs-name", "name")}
      {field("rs-audience", "audience", t("identity.resourceServers.audienceHint"))}
      {field("rs-scopes", "scopes", t("identity.resourceServers.scopesHint"))}
      <SelectField
        id="rs-format"
        label={t("identity.resourceServers.format")}
        value={draft.tokenFormat}
        options={(["jwt", "opaque"] as const).map((v) => ({
          value: v,
          label: t(`identity.resourceServers.formats.${v}`),
        }))}
        onChange={set("tokenFormat")}
      />
      {draft.tokenFormat === "jwt" && (
        <SelectField
          id="rs-jwt-type"
          label={t("identity.resourceServers.jwtType")}
          value={draft.jwtType}
          options={(["at+jwt", "JWT"] as const).map((v) => ({
            value: v,
            label: t(`identity.resourceServers.jwtTypes.${v}`),
          }))}
          onChange={set("jwtType")}
        />
      )}
      {field("rs-ttl", "ttl", t("identity.resourceServers.ttlHint"))}
      <SubmitButton saving={submit.saving} label={t("identity.resourceServers.add")} />
      <SaveNotice saved={submit.saved} />
    </form>
  );
}
