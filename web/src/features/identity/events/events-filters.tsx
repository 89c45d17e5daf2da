import { useState } from "react";
import { useTranslation } from "react-i18next";
import { IdentityEventKind } from "../../../../../src/identity/contracts.ts";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { useEntente } from "../../finance/index.ts";

const KINDS = IdentityEventKind.options;

/** The filters of the sign-in log as typed: every one empty means « all ». */
export const NO_FILTER = { kind: "", memberId: "", sub: "", clientId: "", from: "", to: "" };
/** The filters of the sign-in log. */
export type EventFilters = typeof NO_FILTER;

/** The filters of the sign-in log (kind, member, service, person, dates); applied on submit. */
export function EventsFilters({ onApply }: { onApply: (filters: EventFilters) => void }) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const [draft, setDraft] = useState(NO_FILTER);
  const set = (change: Partial<EventFilters>) => setDraft((d) => ({ ...d, ...change }));
  return (
    <form
      className="form form--inline"
      aria-label={t("identity.events.filters")}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <SelectField
        id="events-kind"
        label={t("identity.events.kind")}
        value={draft.kind}
        options={[
          { value: "", label: t("identity.events.all") },
          ...KINDS.map((k) => ({ value: k, label: t(`identity.events.kinds.${k}`) })),
        ]}
        onChange={(e) => set({ kind: e.target.value })}
      />
      <SelectField
        id="events-member"
        label={t("identity.member")}
        value={draft.memberId}
        options={[
          { value: "", label: t("identity.events.all") },
          ...entente.members.map((m) => ({ value: m.id, label: m.name })),
        ]}
        onChange={(e) => set({ memberId: e.target.value })}
      />
      <TextField
        id="events-client"
        label={t("identity.events.client")}
        value={draft.clientId}
        onChange={(e) => set({ clientId: e.target.value })}
      />
      <TextField
        id="events-sub"
        label={t("identity.persons.sub")}
        value={draft.sub}
        onChange={(e) => set({ sub: e.target.value })}
      />
      <TextField
        id="events-from"
        type="date"
        label={t("identity.events.from")}
        value={draft.from}
        onChange={(e) => set({ from: e.target.value })}
      />
      <TextField
        id="events-to"
        type="date"
        label={t("identity.events.to")}
        value={draft.to}
        onChange={(e) => set({ to: e.target.value })}
      />
      <button type="submit" className="button">
        {t("identity.events.apply")}
      </button>
    </form>
  );
}
