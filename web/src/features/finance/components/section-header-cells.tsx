import { useTranslation } from "react-i18next";
import { SECTIONS } from "../finance-types.ts";

/** One figure column header a budget section (investissement, fonctionnement). */
export function SectionHeaderCells() {
  const { t } = useTranslation();
  return (
    <>
      {SECTIONS.map((s) => (
        <th scope="col" className="num" key={s}>
          {t(`sections.${s}`)}
        </th>
      ))}
    </>
  );
}
