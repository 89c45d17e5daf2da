import type { ReactNode } from "react";
import { TableWrap } from "./table-wrap.tsx";

/** A table in its scroller, its caption also naming the scroller; `hideCaption` keeps it for screen readers only. */
export function CaptionedTable({
  caption,
  className,
  id,
  hideCaption = false,
  children,
}: {
  caption: string;
  className: string;
  id?: string;
  hideCaption?: boolean;
  children: ReactNode;
}) {
  return (
    <TableWrap label={caption}>
      <table className={className} id={id}>
        <caption className={hideCaption ? "visually-hidden" : undefined}>{caption}</caption>
        {children}
      </table>
    </TableWrap>
  );
}
