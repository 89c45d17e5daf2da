import type { ReactNode } from "react";
import { usePageTitle } from "../hooks/use-page-title.ts";

/**
 * The page's single <h1>, focusable so that the layout can move focus to it after navigation
 * (a screen reader then reads the new page's title), and the tab title with it.
 */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="page-header">
      <h1 tabIndex={-1}>{title}</h1>
      {children !== undefined && <div className="page-header__extra">{children}</div>}
    </div>
  );
}
