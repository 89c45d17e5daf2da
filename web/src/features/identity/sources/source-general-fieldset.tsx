import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { useEntente } from "../../finance/index.ts";
import { SourceCheckbox } from "./source-checkbox.tsx";
import { SOURCE_KINDS, type SourceDraft, type SourceJson } from "./source-draft.ts";
import type { SourceFormPart } from "./source-form-part.ts";
import { SourceTextField } from "./source-text-field.tsx";

/**
 * The kind and member of the source (fixed once it exists), its label, whether it is enabled,
 * and its secret for LDAP and OIDC: write-only, an empty field keeps the stored one.
 */
export function SourceGeneralFieldset({ part, source }: { part: SourceFormPart; source: SourceJson | null }) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const { draft, edit, errors } = part;
  return (
    <fieldset className="fieldset">
      <legend>{t("identity.sources.general")}</legend>
      <SelectField
        id="source-kind"
        label={t("identity.sources.kind")}
        value={draft.kind}
        disabled={source !== null}
        hint={source === null ? undefined : t("identity.sources.kindFixed")}
        options={SOURCE_KINDS.map((k) => ({ value: k, label: t(`identity.kinds.${k}`) }))}
        onChange={(e) => edit({ kind: e.target.value as SourceDraft["kind"] })}
        error={errors.of("source-kind")}
      />
      <SelectField
        id="source-member"
        label={t("identity.member")}
        value={draft.memberId}
        disabled={source !== null}
        options={entente.members.map((m) => ({ value: m.id, label: m.name }))}
        onChange={(e) => edit({ memberId: e.target.value })}
        error={errors.of("source-member")}
      />
      <SourceTextField part={part} name="label" required />
      <SourceCheckbox part={part} name="enabled" />
      {(draft.kind === "ldap" || draft.kind === "oidc") && (
        <TextField
          id="source-secret"
          type="password"
          autoComplete="new-password"
          label={
            draft.kind === "ldap"
              ? t("identity.sources.fields.bindPassword")
              : t("identity.sources.fields.clientSecret")
          }
          hint={source?.hasSecret ? t("identity.sources.secretKeep") : undefined}
          value={draft.secret}
          onChange={(e) => edit({ secret: e.target.value })}
          error={errors.of("source-secret")}
        />
      )}
    </fieldset>
  );
}
