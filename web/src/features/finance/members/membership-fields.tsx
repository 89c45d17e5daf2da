import { useTranslation } from "react-i18next";
import { TextField } from "../../../shared/components/field.tsx";
import type { MemberDraft } from "./member-draft.ts";

/**
 * A member's membership (first exercise, and the exercise it leaves at the end of) and its public
 * accountant (office, code, address), quoted on its fund calls. `prefix` keeps the ids unique
 * when two member forms are on the page; `withLeaving` false hides the leaving year.
 */
export function MembershipFields({
  prefix,
  draft,
  edit,
  fieldError,
  withLeaving = true,
}: {
  prefix: string;
  draft: MemberDraft;
  edit: (change: Partial<MemberDraft>) => void;
  fieldError: (field: string) => string | undefined;
  withLeaving?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-row">
        <TextField
          id={`${prefix}-from`}
          label={t("members.from")}
          hint={t("members.fromHint")}
          inputMode="numeric"
          value={draft.from}
          onChange={(e) => edit({ from: e.target.value })}
          error={fieldError("from")}
        />
        {withLeaving && (
          <TextField
            id={`${prefix}-to`}
            label={t("members.to")}
            hint={t("members.toHint")}
            inputMode="numeric"
            value={draft.to}
            onChange={(e) => edit({ to: e.target.value })}
            error={fieldError("to")}
          />
        )}
      </div>
      <fieldset className="fieldset">
        <legend>{t("members.accountant")}</legend>
        <div className="form-row">
          <TextField
            id={`${prefix}-accountant-office`}
            label={t("members.accountantOffice")}
            hint={t("members.accountantOfficeHint")}
            value={draft.accountantOffice}
            onChange={(e) => edit({ accountantOffice: e.target.value })}
            error={fieldError("accountant.office")}
          />
          <TextField
            id={`${prefix}-accountant-code`}
            label={t("members.accountantCode")}
            value={draft.accountantCode}
            onChange={(e) => edit({ accountantCode: e.target.value })}
            error={fieldError("accountant.code")}
          />
        </div>
        <TextField
          id={`${prefix}-accountant-address`}
          label={t("members.accountantAddress")}
          value={draft.accountantAddress}
          onChange={(e) => edit({ accountantAddress: e.target.value })}
          error={fieldError("accountant.address")}
        />
      </fieldset>
    </>
  );
}
