import { type FormEvent, useEffect, useRef, useState } from "react";
import { Source, SourceCreate, SourceUpdate } from "../../../../../src/identity/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useTranslate } from "../../../shared/i18n/translate.ts";
import { useEntente } from "../../finance/index.ts";
import { FormErrorSummary } from "../components/form-error-summary.tsx";
import { useFormProblems } from "../components/use-form-problems.ts";
import { identityPaths } from "../identity-paths.ts";
import { toSourceBody } from "./source-body.ts";
import { EMPTY_SOURCE, type SourceDraft, type SourceJson, toSourceDraft } from "./source-draft.ts";
import { sourceFields } from "./source-fields.ts";
import { SourceGeneralFieldset } from "./source-general-fieldset.tsx";
import { SourceLdapFieldset } from "./source-ldap-fieldset.tsx";
import { SourceMappingFieldset } from "./source-mapping-fieldset.tsx";
import { SourceOidcFieldset } from "./source-oidc-fieldset.tsx";
import { SourceSamlFieldset } from "./source-saml-fieldset.tsx";

/**
 * Connects a member's identity source (`source` null) or edits one: the fields of its kind, the
 * mapping of its attributes to the pivot identity. Each problem goes next to its input and into
 * the summary at the top. Opened by a button far above, it takes the focus on its title.
 */
export function SourceForm({
  source,
  onSaved,
}: {
  source: SourceJson | null;
  onSaved: (s: SourceJson) => void;
}) {
  const t = useTranslate();
  const api = useApi();
  const { entente } = useEntente();
  const [draft, setDraft] = useState<SourceDraft>(() =>
    source === null ? { ...EMPTY_SOURCE, memberId: entente.members[0]?.id ?? "" } : toSourceDraft(source),
  );
  const submit = useSubmit();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const edit = (change: Partial<SourceDraft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved =
      source === null
        ? await submit.run(SourceCreate, toSourceBody(draft, null), (b) =>
            api.send("POST", identityPaths.sources(entente.id), b, Source),
          )
        : await submit.run(SourceUpdate, toSourceBody(draft, source.rowVersion), (b) =>
            api.send("PUT", identityPaths.source(entente.id, source.id), b, Source),
          );
    if (saved === undefined) return;
    // the secret is write-only: once stored, the field is emptied (an empty field keeps it)
    setDraft((d) => ({ ...d, secret: "" }));
    onSaved(saved);
  };
  const errors = useFormProblems(submit.error, sourceFields(t, draft.kind));
  const part = { draft, edit, errors };
  return (
    <section aria-labelledby="source-form-title" className="section card">
      <h2 id="source-form-title" tabIndex={-1} ref={heading}>
        {source === null
          ? t("identity.sources.add")
          : t("identity.sources.editNamed", { label: source.label })}
      </h2>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormErrorSummary error={submit.error} problems={errors.problems} />
        <SourceGeneralFieldset part={part} source={source} />
        {draft.kind === "ldap" && <SourceLdapFieldset part={part} />}
        {draft.kind === "oidc" && <SourceOidcFieldset part={part} />}
        {draft.kind === "saml" && <SourceSamlFieldset part={part} />}
        <SourceMappingFieldset part={part} />
        <SubmitButton saving={submit.saving} label={t("actions.save")} />
        <SaveNotice saved={submit.saved} />
      </form>
    </section>
  );
}
