import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { Service } from "../../../../../src/identity/contracts.ts";
import {
  CatalogueCreate,
  CatalogueEntry,
  Maturity,
  ServiceKind,
} from "../../../../../src/workplace/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { type Submit, useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../../finance/index.ts";
import { workplacePaths } from "../workplace-paths.ts";

type Client = z.infer<typeof Service>;
type Draft = {
  clientId: string;
  kind: string;
  maturity: string;
  url: string;
  description: string;
  supportUrl: string;
};

/** The entry's fields, each with its server-side error. */
function CatalogueFields({
  clients,
  draft,
  set,
  submit,
}: {
  clients: readonly Client[];
  draft: Draft;
  set: (field: keyof Draft) => (e: { target: { value: string } }) => void;
  submit: Submit;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        id="catalogue-client"
        label={t("workplace.catalogue.client")}
        hint={t("workplace.catalogue.clientHint")}
        value={draft.clientId}
        options={clients.map((c) => ({ value: c.clientId, label: c.name }))}
        onChange={set("clientId")}
        error={submit.fieldError("clientId")}
      />
      <SelectField
        id="catalogue-kind"
        label={t("workplace.catalogue.kind")}
        value={draft.kind}
        options={ServiceKind.options.map((k) => ({ value: k, label: t(`workplace.catalogue.kinds.${k}`) }))}
        onChange={set("kind")}
        error={submit.fieldError("kind")}
      />
      <SelectField
        id="catalogue-maturity"
        label={t("workplace.catalogue.maturity")}
        value={draft.maturity}
        options={Maturity.options.map((m) => ({ value: m, label: t(`workplace.catalogue.maturities.${m}`) }))}
        onChange={set("maturity")}
        error={submit.fieldError("maturity")}
      />
      <TextField
        id="catalogue-url"
        type="url"
        label={t("workplace.catalogue.url")}
        hint={t("workplace.catalogue.urlHint")}
        value={draft.url}
        required
        onChange={set("url")}
        error={submit.fieldError("url")}
      />
      <TextField
        id="catalogue-description"
        label={t("workplace.catalogue.description")}
        value={draft.description}
        onChange={set("description")}
        error={submit.fieldError("description")}
      />
      <TextField
        id="catalogue-support"
        type="url"
        label={t("workplace.catalogue.supportUrl")}
        value={draft.supportUrl}
        onChange={set("supportUrl")}
        error={submit.fieldError("supportUrl")}
      />
    </>
  );
}

/** Puts an identity service (OIDC client) in the catalogue; the server checks every rule and names the field. */
export function CatalogueForm({
  clients,
  nextOrder,
  onSaved,
}: {
  clients: readonly Client[];
  nextOrder: number;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const empty: Draft = {
    clientId: clients[0]?.clientId ?? "",
    kind: "video",
    maturity: "stable",
    url: "",
    description: "",
    supportUrl: "",
  };
  const [draft, setDraft] = useState(empty);
  const submit = useSubmit();
  const set = (field: keyof Draft) => (e: { target: { value: string } }) => {
    submit.reset();
    setDraft((d) => ({ ...d, [field]: e.target.value }));
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      clientId: draft.clientId || (clients[0]?.clientId ?? ""),
      kind: draft.kind,
      maturity: draft.maturity,
      url: draft.url,
      description: draft.description,
      documentationUrl: null,
      supportUrl: draft.supportUrl === "" ? null : draft.supportUrl,
      displayOrder: nextOrder,
    };
    const saved = await submit.run(CatalogueCreate, body, (b) =>
      api.send("POST", workplacePaths.services(entente.id), b, CatalogueEntry),
    );
    if (saved === undefined) return;
    setDraft({ ...empty, clientId: "" });
    onSaved();
  };
  if (clients.length === 0) return <p>{t("workplace.catalogue.noClient")}</p>;
  return (
    <form
      className="form card"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="catalogue-form-title"
    >
      <h2 id="catalogue-form-title">{t("workplace.catalogue.add")}</h2>
      <ProblemAlert error={submit.error} />
      <CatalogueFields clients={clients} draft={draft} set={set} submit={submit} />
      <SubmitButton saving={submit.saving} label={t("workplace.catalogue.add")} />
      <SaveNotice saved={submit.saved} />
    </form>
  );
}
