import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Subscription, SubscriptionWrite } from "../../../../../src/workplace/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { DateText } from "../../../shared/components/date-text.tsx";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../../finance/index.ts";
import { workplacePaths } from "../workplace-paths.ts";

const SubscriptionList = z.array(Subscription);
type SubscriptionJson = z.infer<typeof Subscription>;

/** The members subscribed to one service: from, to, seats, storage per account, accounts still to migrate. */
function SubscriptionsTable({ name, list }: { name: string; list: readonly SubscriptionJson[] }) {
  const { t } = useTranslation();
  const { memberName } = useEntente();
  if (list.length === 0) return <p>{t("workplace.subscriptions.none")}</p>;
  return (
    <CaptionedTable caption={t("workplace.subscriptions.caption", { name })} className="table">
      <thead>
        <tr>
          <th scope="col">{t("workplace.subscriptions.member")}</th>
          <th scope="col">{t("workplace.subscriptions.startsOn")}</th>
          <th scope="col">{t("workplace.subscriptions.endsOn")}</th>
          <th scope="col">{t("workplace.subscriptions.seats")}</th>
          <th scope="col">{t("workplace.subscriptions.remaining")}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((s) => (
          <tr key={s.memberId}>
            <th scope="row">{memberName(s.memberId)}</th>
            <td>
              <DateText value={s.startsOn} />
            </td>
            <td>{s.endsOn === null ? "—" : <DateText value={s.endsOn} />}</td>
            <td>{s.seats ?? "—"}</td>
            <td>{s.wave === null ? "—" : s.wave.accountsRemaining}</td>
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}

/** Subscribes a member to the service from a day, with its seats (accounts). */
function SubscribeForm({ clientId, onSaved }: { clientId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const [draft, setDraft] = useState({ memberId: entente.members[0]?.id ?? "", startsOn: "", seats: "" });
  const submit = useSubmit();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      startsOn: draft.startsOn,
      endsOn: null,
      roles: null,
      groups: null,
      seats: draft.seats === "" ? null : { value: Number(draft.seats), unit: "accounts" },
      storagePerAccount: null,
      storagePerMember: null,
      rowVersion: null,
    };
    const path = `${workplacePaths.subscriptions(entente.id, clientId)}/${encodeURIComponent(draft.memberId)}`;
    const saved = await submit.run(SubscriptionWrite, body, (b) => api.send("PUT", path, b, Subscription));
    if (saved !== undefined) onSaved();
  };
  const change = (field: keyof typeof draft) => (e: { target: { value: string } }) => {
    submit.reset();
    setDraft((d) => ({ ...d, [field]: e.target.value }));
  };
  return (
    <form
      className="form card"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="subscribe-title"
    >
      <h3 id="subscribe-title">{t("workplace.subscriptions.add")}</h3>
      <ProblemAlert error={submit.error} />
      <SelectField
        id="subscribe-member"
        label={t("workplace.subscriptions.member")}
        value={draft.memberId}
        options={entente.members.map((m) => ({ value: m.id, label: m.name }))}
        onChange={change("memberId")}
      />
      <TextField
        id="subscribe-starts"
        type="date"
        label={t("workplace.subscriptions.startsOn")}
        value={draft.startsOn}
        required
        onChange={change("startsOn")}
        error={submit.fieldError("startsOn")}
      />
      <TextField
        id="subscribe-seats"
        inputMode="numeric"
        label={t("workplace.subscriptions.seats")}
        hint={t("workplace.subscriptions.seatsHint")}
        value={draft.seats}
        onChange={change("seats")}
        error={submit.fieldError("seats")}
      />
      <SubmitButton saving={submit.saving} label={t("workplace.subscriptions.add")} />
    </form>
  );
}

/** One service's subscriptions, and for the secretariat the form to subscribe a member. */
export function SubscriptionsSection({
  clientId,
  name,
  manage,
}: {
  clientId: string;
  name: string;
  manage: boolean;
}) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const list = useResource(workplacePaths.subscriptions(entente.id, clientId), SubscriptionList);
  return (
    <section aria-labelledby="subscriptions-title">
      <h2 id="subscriptions-title">{t("workplace.subscriptions.title", { name })}</h2>
      {list.data !== undefined && <SubscriptionsTable name={name} list={list.data} />}
      {manage && <SubscribeForm clientId={clientId} onSaved={list.reload} />}
    </section>
  );
}
