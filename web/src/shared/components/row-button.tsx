import type { ButtonHTMLAttributes } from "react";

/**
 * A small button in a table row. `context` (the row it acts on, with its leading separator)
 * is read to screen readers only, so that each of the column's buttons has a name of its own.
 */
export function RowButton({
  label,
  context,
  ...button
}: { label: string; context: string } & Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  "type" | "children" | "className"
>) {
  return (
    <button type="button" className="button button--tertiary button--small" {...button}>
      {label}
      <span className="visually-hidden">{context}</span>
    </button>
  );
}
