import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { SECTIONS, type Section } from "../finance-types.ts";

/** One amount cell a budget section, in the order of `SectionHeaderCells`. */
export function SectionEurosCells({ value }: { value: (section: Section) => string }) {
  return (
    <>
      {SECTIONS.map((s) => (
        <EurosCell key={s} value={value(s)} />
      ))}
    </>
  );
}
