import { Euros } from "./amount.tsx";

/** A table cell holding an amount in euros, right-aligned; `strong` for a total column. */
export function EurosCell({ value, strong = false }: { value: string; strong?: boolean }) {
  return (
    <td className={strong ? "num strong" : "num"}>
      <Euros value={value} />
    </td>
  );
}
