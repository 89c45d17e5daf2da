import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Subscription } from "../../../../../src/workplace/contracts.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { DateText } from "../../../shared/components/date-text.tsx";
import { useEntente } from "../../finance/index.ts";
import { bytesAsQuantity } from "../subscriptions/subscription-draft.ts";
import { SubscriptionForm } from "../subscriptions/subscription-form.tsx";
import { workplacePaths } from "../workplace-paths.ts";

const SubscriptionList = z.array(Subscription);
type SubscriptionJson = z.infer<typeof Subscription>;

/** The members subscribed to one service: from, to, seats, storage per account, accounts still to migrate. */
function SubscriptionsTable({ name, list }: { name: string; list: readonly SubscriptionJson[] }) {
  const { t } = useTranslation();
  const { memberName } = useEntente();
  const rolesText = (roles: readonly string[] | null) =>
    roles?.length === 1
      ? t(roles[0] === "elu" ? "workplace.subscriptionForm.elus" : "workplace.subscriptionForm.agents")
      : t("workplace.subscriptionForm.allRoles");
  if (list.length === 0) return <p>{t("workplace.subscriptions.none")}</p>;
  return (
    <CaptionedTable caption={t("workplace.subscriptions.caption", { name })} className="table">
      <thead>
        <tr>
          <th scope="col">{t("workplace.subscriptions.member")}</th>
          <th scope="col">{t("workplace.subscriptions.startsOn")}</th>
          <th scope="col">{t("workplace.subscriptions.endsOn")}</th>
          <th scope="col">{t("workplace.subscriptionForm.roles")}</th>
          <th scope="col">{t("workplace.subscriptionForm.groups")}</th>
          <th scope="col">{t("workplace.subscriptions.seats")}</th>
          <th scope="col">{t("workplace.subscriptionForm.storagePerAccount")}</th>
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
            <td>{rolesText(s.roles)}</td>
            <td>{s.groups === null ? "—" : s.groups.join(", ")}</td>
            <td>{s.seats ?? "—"}</td>
            <td>{bytesAsQuantity(s.storagePerAccountBytes)?.join(" ") ?? "—"}</td>
            <td>{s.wave === null ? "—" : s.wave.accountsRemaining}</td>
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}

/** One service's subscriptions, and for the secretariat the form to subscribe a member. */
export function SubscriptionsSection({
  clientId,
  name,
  manage,
  onChanged,
}: {
  clientId: string;
  name: string;
  manage: boolean;
  /** Called after a subscription is saved (the page reads the migration waves again). */
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const list = useResource(workplacePaths.subscriptions(entente.id, clientId), SubscriptionList);
  return (
    <section aria-labelledby="subscriptions-title">
      <h2 id="subscriptions-title">{t("workplace.subscriptions.title", { name })}</h2>
      {list.data !== undefined && <SubscriptionsTable name={name} list={list.data} />}
      {manage && list.data !== undefined && (
        <SubscriptionForm
          clientId={clientId}
          list={list.data}
          onSaved={() => {
            list.reload();
            onChanged?.();
          }}
        />
      )}
    </section>
  );
}
