import { SECTIONS, type Section } from "../api/types.ts";
import { EurosCell } from "./euros-cell.tsx";

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
