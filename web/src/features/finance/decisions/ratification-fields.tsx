import { useTranslation } from "react-i18next";
import { RatificationStatus as RatificationStatusSchema } from "../../../../../src/finance/contracts/api.ts";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import type { RatificationStatus } from "../finance-types.ts";
import type { RatificationDraft } from "./ratification-draft.ts";

/** A deliberation's outcome, number and date (`${prefix}-status`, `-number`, `-date`), each with its message. */
export function RatificationFields({
  prefix,
  draft,
  edit,
  required,
  conferenceDate,
  errors,
}: {
  prefix: string;
  draft: RatificationDraft;
  edit: (change: Partial<RatificationDraft>) => void;
  /** Whether the number and date are required (a ratified or rejected deliberation). */
  required: boolean;
  conferenceDate: string;
  errors: { status?: string | undefined; number?: string | undefined; date?: string | undefined };
}) {
  const { t } = useTranslation();
  return (
    <div className="form-row">
      <SelectField
        id={`${prefix}-status`}
        label={t("decisions.status")}
        value={draft.status}
        options={RatificationStatusSchema.options.map((s) => ({
          value: s,
          label: t(`ratificationStatus.${s}`),
        }))}
        onChange={(e) => edit({ status: e.target.value as RatificationStatus })}
        error={errors.status}
      />
      <TextField
        id={`${prefix}-number`}
        label={t("decisions.number")}
        hint={t("decisions.numberHint")}
        required={required}
        value={draft.deliberationNumber}
        onChange={(e) => edit({ deliberationNumber: e.target.value })}
        error={errors.number}
      />
      <TextField
        id={`${prefix}-date`}
        label={t("decisions.date")}
        type="date"
        required={required}
        min={conferenceDate}
        value={draft.deliberatedOn}
        onChange={(e) => edit({ deliberatedOn: e.target.value })}
        error={errors.date}
      />
    </div>
  );
}
