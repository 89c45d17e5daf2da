import type { ReactNode } from "react";

/** The secondary button under a form table that adds a row to it. */
export function AddRowButton({
  id,
  onClick,
  children,
}: {
  id: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <div className="actions">
      <button type="button" id={id} className="button button--secondary" onClick={onClick}>
        {children}
      </button>
    </div>
  );
}
