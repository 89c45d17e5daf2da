import { useTranslation } from "react-i18next";
import { SelectField } from "../../../shared/components/field.tsx";
import { FieldErrorList } from "../../../shared/components/field-error-list.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import { type Mission, SECTIONS } from "../finance-types.ts";

type Keys = Mission["keys"];

/**
 * The allocation key of each section of a mission. A key the entente no longer lists stays
 * selectable, so the form shows what is saved; the broken key balances are listed under.
 */
export function MissionKeysFieldset({
  keys,
  saved,
  onChange,
  fieldError,
  errors,
}: {
  keys: Keys;
  /** The keys as saved. */
  saved: Keys;
  onChange: (keys: Keys) => void;
  fieldError: (field: string) => string | undefined;
  errors: readonly string[];
}) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const keyOptions = [
    ...entente.keys.map((k) => ({ value: k.id, label: k.label })),
    ...SECTIONS.map((s) => saved[s])
      .filter((id, i, all) => all.indexOf(id) === i && !entente.keys.some((k) => k.id === id))
      .map((id) => ({ value: id, label: id })),
  ];
  return (
    <fieldset
      className={errors.length > 0 ? "fieldset field--error" : "fieldset"}
      aria-describedby={errors.length > 0 ? "mission-keys-error" : undefined}
    >
      <legend>{t("missions.keysLegend")}</legend>
      <div className="form-row">
        {SECTIONS.map((section) => (
          <SelectField
            key={section}
            id={`mission-key-${section}`}
            label={t("missions.keyFor", { section: t(`sectionsInline.${section}`) })}
            value={keys[section]}
            options={keyOptions}
            onChange={(e) => onChange({ ...keys, [section]: e.target.value })}
            error={fieldError(`keys.${section}`)}
          />
        ))}
      </div>
      <FieldErrorList id="mission-keys-error" messages={errors} />
    </fieldset>
  );
}
