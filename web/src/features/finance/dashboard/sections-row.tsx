import { sumEuros } from "../../../../../src/shared/money-input.ts";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { SectionEurosCells } from "../components/section-euros-cells.tsx";
import { SECTIONS, type Section } from "../finance-types.ts";

/** A row of per-section amounts, headed by its label, with their sum in the last cell. */
export function SectionsRow({ label, values }: { label: string; values: Record<Section, string> }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <SectionEurosCells value={(s) => values[s]} />
      <EurosCell value={sumEuros(SECTIONS.map((s) => values[s]))} />
    </tr>
  );
}
