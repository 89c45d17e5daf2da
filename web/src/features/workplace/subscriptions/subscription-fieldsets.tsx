import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { STORAGE_UNITS, type SubscriptionDraft } from "./subscription-draft.ts";

/** What each fieldset receives: the draft, how to change a field, the server's error of a field. */
export interface FieldsetProps {
  readonly draft: SubscriptionDraft;
  readonly change: (field: keyof SubscriptionDraft) => (e: { target: { value: string } }) => void;
  readonly errorOf: (field: string) => string | undefined;
}

/** Roles and groups: who of the member may use the service. */
export function AudienceFieldset({ draft, change, errorOf }: FieldsetProps) {
  const { t } = useTranslation();
  const k = "workplace.subscriptionForm";
  return (
    <fieldset className="fieldset">
      <legend>{t(`${k}.audience`)}</legend>
      <SelectField
        id="subscribe-roles"
        label={t(`${k}.roles`)}
        value={draft.roles}
        options={[
          { value: "", label: t(`${k}.allRoles`) },
          { value: "agent", label: t(`${k}.agents`) },
          { value: "elu", label: t(`${k}.elus`) },
        ]}
        onChange={change("roles")}
        error={errorOf("roles")}
      />
      <TextField
        id="subscribe-groups"
        label={t(`${k}.groups`)}
        hint={t(`${k}.groupsHint`)}
        value={draft.groups}
        onChange={change("groups")}
        error={errorOf("groups")}
      />
    </fieldset>
  );
}

/** A storage quota: its integer and its unit. */
function StorageField({
  field,
  label,
  props,
}: {
  field: "storagePerAccount" | "storagePerMember";
  label: string;
  props: FieldsetProps;
}) {
  const { t } = useTranslation();
  const id = field === "storagePerAccount" ? "subscribe-storage-account" : "subscribe-storage-member";
  return (
    <div className="field-row">
      <TextField
        id={id}
        inputMode="numeric"
        label={label}
        hint={t("workplace.subscriptionForm.storageHint")}
        value={props.draft[field]}
        onChange={props.change(field)}
        error={props.errorOf(field)}
      />
      <SelectField
        id={`${id}-unit`}
        label={t("workplace.subscriptionForm.unit", { what: label.toLowerCase() })}
        value={props.draft[`${field}Unit`]}
        options={STORAGE_UNITS.map((u) => ({ value: u, label: u }))}
        onChange={props.change(`${field}Unit`)}
      />
    </div>
  );
}

/** Seats and storage quotas: non-negative integers with their units. */
export function QuotaFieldset(props: FieldsetProps) {
  const { t } = useTranslation();
  const { draft, change, errorOf } = props;
  return (
    <fieldset className="fieldset">
      <legend>{t("workplace.subscriptionForm.quotas")}</legend>
      <TextField
        id="subscribe-seats"
        inputMode="numeric"
        label={t("workplace.subscriptions.seats")}
        hint={t("workplace.subscriptions.seatsHint")}
        value={draft.seats}
        onChange={change("seats")}
        error={errorOf("seats")}
      />
      <StorageField
        field="storagePerAccount"
        label={t("workplace.subscriptionForm.storagePerAccount")}
        props={props}
      />
      <StorageField
        field="storagePerMember"
        label={t("workplace.subscriptionForm.storagePerMember")}
        props={props}
      />
    </fieldset>
  );
}

const WAVE_DAYS = ["plannedStart", "plannedEnd", "actualStart", "actualEnd"] as const;
const WAVE_COUNTS = ["accountsPlanned", "accountsMigrated"] as const;

/** The member's migration wave: its name, planned and actual days, accounts planned and migrated. */
export function WaveFieldset({ draft, change, errorOf }: FieldsetProps) {
  const { t } = useTranslation();
  const k = "workplace.subscriptionForm";
  return (
    <fieldset className="fieldset">
      <legend>{t(`${k}.wave`)}</legend>
      <TextField
        id="subscribe-wave-label"
        label={t(`${k}.waveLabel`)}
        hint={t(`${k}.waveHint`)}
        value={draft.waveLabel}
        onChange={change("waveLabel")}
        error={errorOf("wave.label")}
      />
      {WAVE_DAYS.map((field) => (
        <TextField
          key={field}
          id={`subscribe-wave-${field}`}
          type="date"
          label={t(`${k}.${field}`)}
          value={draft[field]}
          onChange={change(field)}
          error={errorOf(`wave.${field}`)}
        />
      ))}
      {WAVE_COUNTS.map((field) => (
        <TextField
          key={field}
          id={`subscribe-wave-${field}`}
          inputMode="numeric"
          label={t(`${k}.${field}`)}
          value={draft[field]}
          onChange={change(field)}
          error={errorOf(`wave.${field}`)}
        />
      ))}
    </fieldset>
  );
}
