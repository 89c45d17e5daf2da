import { useTranslation } from "react-i18next";

/** The exercise shown by the page; changing it changes the URL (?year=), so the view can be shared. */
export function YearSelect({
  years,
  value,
  onChange,
}: {
  years: readonly number[];
  value: number;
  onChange: (year: number) => void;
}) {
  const { t } = useTranslation();
  const options = years.includes(value) ? years : [...years, value];
  return (
    <div className="year-select">
      <label htmlFor="year-select">{t("common.exercise")}</label>
      <select
        id="year-select"
        className="select"
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {[...options]
          .sort((a, b) => b - a)
          .map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
      </select>
    </div>
  );
}
