import { useTranslation } from "react-i18next";
import { Member as MemberSchema } from "../../../../../src/finance/contracts/api.ts";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import type { Member } from "../finance-types.ts";
import type { MemberDraft } from "./member-draft.ts";

const KINDS = MemberSchema.shape.kind.options;

/** A member's name, kind, SIREN and SIRET (with their hints) and deliberating assembly. */
export function MemberFields({
  prefix = "member",
  draft,
  edit,
  fieldError,
}: {
  /** Prefix of the inputs' ids (two member forms on one page). */
  prefix?: string;
  draft: MemberDraft;
  edit: (change: Partial<MemberDraft>) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={`${prefix}-name`}
        label={t("members.name")}
        value={draft.name}
        required
        onChange={(e) => edit({ name: e.target.value })}
        error={fieldError("name")}
      />
      <SelectField
        id={`${prefix}-kind`}
        label={t("members.kind")}
        value={draft.kind}
        options={KINDS.map((k) => ({ value: k, label: t(`memberKinds.${k}`) }))}
        onChange={(e) => edit({ kind: e.target.value as Member["kind"] })}
        error={fieldError("kind")}
      />
      <div className="form-row">
        <TextField
          id={`${prefix}-siren`}
          label={t("members.siren")}
          hint={t("members.sirenHint")}
          inputMode="numeric"
          value={draft.siren}
          onChange={(e) => edit({ siren: e.target.value })}
          error={fieldError("siren")}
        />
        <TextField
          id={`${prefix}-siret`}
          label={t("members.siret")}
          hint={t("members.siretHint")}
          inputMode="numeric"
          value={draft.siret}
          onChange={(e) => edit({ siret: e.target.value })}
          error={fieldError("siret")}
        />
      </div>
      <TextField
        id={`${prefix}-assembly`}
        label={t("members.assembly")}
        hint={t("members.assemblyHint")}
        value={draft.assembly}
        onChange={(e) => edit({ assembly: e.target.value })}
        error={fieldError("assembly")}
      />
    </>
  );
}
