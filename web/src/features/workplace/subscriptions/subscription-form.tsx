import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { Subscription, SubscriptionWrite } from "../../../../../src/workplace/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../../finance/index.ts";
import { workplacePaths } from "../workplace-paths.ts";
import { bodyOf, draftOf, emptyDraft, type SubscriptionDraft } from "./subscription-draft.ts";
import {
  AudienceFieldset,
  type FieldsetProps,
  QuotaFieldset,
  WaveFieldset,
} from "./subscription-fieldsets.tsx";

type SubscriptionJson = z.infer<typeof Subscription>;

/** The first and last days of the subscription (within the member's membership). */
function DaysFields({ draft, change, errorOf }: FieldsetProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id="subscribe-starts"
        type="date"
        label={t("workplace.subscriptions.startsOn")}
        value={draft.startsOn}
        required
        onChange={change("startsOn")}
        error={errorOf("startsOn")}
      />
      <TextField
        id="subscribe-ends"
        type="date"
        label={t("workplace.subscriptions.endsOn")}
        hint={t("workplace.subscriptionForm.endsOnHint")}
        value={draft.endsOn}
        onChange={change("endsOn")}
        error={errorOf("endsOn")}
      />
    </>
  );
}

/**
 * Subscribes a member to a service, or changes its subscription (chosen by member: its current
 * values fill the form): days, roles, groups, quotas with units, migration wave. The server
 * checks every rule (days within the member's membership, non-negative integers…); its errors
 * show next to their fields.
 */
export function SubscriptionForm({
  clientId,
  list,
  onSaved,
}: {
  clientId: string;
  list: readonly SubscriptionJson[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const draftFor = (memberId: string) => {
    const existing = list.find((s) => s.memberId === memberId);
    return existing === undefined ? emptyDraft(memberId) : draftOf(existing);
  };
  const [draft, setDraft] = useState<SubscriptionDraft>(() => draftFor(entente.members[0]?.id ?? ""));
  const submit = useSubmit();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const path = `${workplacePaths.subscriptions(entente.id, clientId)}/${encodeURIComponent(draft.memberId)}`;
    const saved = await submit.run(SubscriptionWrite, bodyOf(draft), (b) =>
      api.send("PUT", path, b, Subscription),
    );
    if (saved !== undefined) {
      setDraft(draftOf(saved));
      onSaved();
    }
  };
  const change = (field: keyof SubscriptionDraft) => (e: { target: { value: string } }) => {
    submit.reset();
    setDraft((d) => ({ ...d, [field]: e.target.value }));
  };
  const k = "workplace.subscriptionForm";
  const fieldsets = { draft, change, errorOf: submit.fieldError };
  return (
    <form
      className="form card"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="subscribe-title"
    >
      <h3 id="subscribe-title">{t(`${k}.title`)}</h3>
      <p>{t(`${k}.intro`)}</p>
      <ProblemAlert error={submit.error} />
      {submit.saved && <p role="status">{t(`${k}.saved`)}</p>}
      <SelectField
        id="subscribe-member"
        label={t("workplace.subscriptions.member")}
        value={draft.memberId}
        options={entente.members.map((m) => ({ value: m.id, label: m.name }))}
        onChange={(e) => {
          submit.reset();
          setDraft(draftFor(e.target.value));
        }}
        hint={draft.rowVersion === null ? undefined : t(`${k}.existing`)}
      />
      <DaysFields {...fieldsets} />
      <AudienceFieldset {...fieldsets} />
      <QuotaFieldset {...fieldsets} />
      <WaveFieldset {...fieldsets} />
      <SubmitButton
        saving={submit.saving}
        label={draft.rowVersion === null ? t("workplace.subscriptions.add") : t(`${k}.save`)}
      />
    </form>
  );
}
