import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import type { Member } from "../finance-types.ts";
import { type AlternativeDraft, type AlternativeKind, newcomerKey } from "./alternative-draft.ts";

/**
 * One alternative of the simulator: its label and basis (another key, fixed rates, weights such
 * as populations or usage), each member's figure and whether it leaves before the year, and the
 * hypothetical communes joining with theirs. `index` numbers the ids; `onRemove` drops it.
 */
export function AlternativeFieldset({
  index,
  draft,
  members,
  keys,
  edit,
  onRemove,
}: {
  index: number;
  draft: AlternativeDraft;
  members: readonly Pick<Member, "id" | "name">[];
  keys: readonly { id: string; label: string }[];
  edit: (change: Partial<AlternativeDraft>) => void;
  onRemove: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const prefix = `alt-${index}`;
  const figureLabel = (name: string) =>
    draft.kind === "percent" ? t("simulator.rateOf", { name }) : t("simulator.weightOf", { name });
  return (
    <fieldset className="fieldset card">
      <legend>
        {draft.label.trim() === "" ? t("simulator.alternativeN", { n: index + 1 }) : draft.label}
      </legend>
      <div className="form-row">
        <TextField
          id={`${prefix}-label`}
          label={t("simulator.label")}
          value={draft.label}
          onChange={(e) => edit({ label: e.target.value })}
        />
        <SelectField
          id={`${prefix}-kind`}
          label={t("simulator.kind")}
          value={draft.kind}
          options={[
            { value: "percent", label: t("keyBasis.percent") },
            { value: "weights", label: t("simulator.weights") },
            { value: "basedOn", label: t("simulator.basedOn") },
          ]}
          onChange={(e) => edit({ kind: e.target.value as AlternativeKind })}
        />
        {draft.kind === "basedOn" && (
          <SelectField
            id={`${prefix}-key`}
            label={t("simulator.otherKey")}
            value={draft.basedOn}
            options={keys.map((k) => ({ value: k.id, label: k.label }))}
            onChange={(e) => edit({ basedOn: e.target.value })}
          />
        )}
      </div>
      <MemberRows prefix={prefix} draft={draft} members={members} edit={edit} figureLabel={figureLabel} />
      <NewcomerRows prefix={prefix} draft={draft} edit={edit} figureLabel={figureLabel} />
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => edit({ newcomers: [...draft.newcomers, { name: "" }] })}
        >
          {t("simulator.addNewcomer")}
        </button>
        {onRemove !== undefined && (
          <button type="button" className="button button--secondary" onClick={onRemove}>
            {t("simulator.remove")}
          </button>
        )}
      </div>
    </fieldset>
  );
}

type RowsProps = {
  prefix: string;
  draft: AlternativeDraft;
  edit: (change: Partial<AlternativeDraft>) => void;
  figureLabel: (name: string) => string;
};

/** Each member's figure in the alternative (none for another key) and whether it leaves before the year. */
function MemberRows({
  prefix,
  draft,
  members,
  edit,
  figureLabel,
}: RowsProps & { members: readonly Pick<Member, "id" | "name">[] }) {
  const { t } = useTranslation();
  const setValue = (key: string, value: string) => edit({ values: { ...draft.values, [key]: value } });
  return (
    <>
      {members.map((m) => {
        const leaving = draft.leaving.includes(m.id);
        return (
          <div className="form-row" key={m.id}>
            {draft.kind !== "basedOn" && (
              <TextField
                id={`${prefix}-${m.id}`}
                label={figureLabel(m.name)}
                inputMode="decimal"
                disabled={leaving}
                value={draft.values[m.id] ?? ""}
                onChange={(e) => setValue(m.id, e.target.value)}
              />
            )}
            <label className="checkbox" htmlFor={`${prefix}-${m.id}-leaves`}>
              <input
                id={`${prefix}-${m.id}-leaves`}
                type="checkbox"
                checked={leaving}
                onChange={(e) =>
                  edit({
                    leaving: e.target.checked
                      ? [...draft.leaving, m.id]
                      : draft.leaving.filter((id) => id !== m.id),
                  })
                }
              />{" "}
              {t("simulator.leaves", { name: m.name })}
            </label>
          </div>
        );
      })}
    </>
  );
}

/** The hypothetical communes joining: each one's name and figure. */
function NewcomerRows({ prefix, draft, edit, figureLabel }: RowsProps) {
  const { t } = useTranslation();
  const setValue = (key: string, value: string) => edit({ values: { ...draft.values, [key]: value } });
  return (
    <>
      {draft.newcomers.map((n, i) => (
        <div className="form-row" key={newcomerKey(i)}>
          <TextField
            id={`${prefix}-new-${i}-name`}
            label={t("simulator.newcomerName", { n: i + 1 })}
            value={n.name}
            onChange={(e) =>
              edit({ newcomers: draft.newcomers.map((x, j) => (j === i ? { name: e.target.value } : x)) })
            }
          />
          {draft.kind !== "basedOn" && (
            <TextField
              id={`${prefix}-new-${i}-figure`}
              label={figureLabel(n.name.trim() === "" ? t("simulator.newcomerN", { n: i + 1 }) : n.name)}
              inputMode="decimal"
              value={draft.values[newcomerKey(i)] ?? ""}
              onChange={(e) => setValue(newcomerKey(i), e.target.value)}
            />
          )}
        </div>
      ))}
    </>
  );
}
