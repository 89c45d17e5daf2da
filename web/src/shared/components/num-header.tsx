import type { ReactNode } from "react";

/** A column header of figures, right-aligned like its cells. */
export function NumHeader({ rowSpan, children }: { rowSpan?: number; children: ReactNode }) {
  return (
    <th scope="col" rowSpan={rowSpan} className="num">
      {children}
    </th>
  );
}
