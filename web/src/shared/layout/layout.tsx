import { type ReactNode, useLayoutEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { SiteHeader } from "./site-header.tsx";

/**
 * Navigation state of a change that stays on the same page (another year in the URL path, chosen
 * in a select): focus stays where it is instead of going to the <h1>.
 */
export const KEEP_FOCUS = { keepFocus: true } as const;

/**
 * The frame of a page: skip link, header (service, `tagline`, `tools`, then `nav`), <main>,
 * footer. After each navigation focus goes to the page's <h1> (unless the navigation carries
 * {@link KEEP_FOCUS}), so that a screen reader reads the new page's title.
 */
export function Layout({
  tagline,
  tools,
  nav,
  children,
}: {
  tagline: string;
  tools: ReactNode;
  /** The main navigation, inside the header under the banner; none outside an entente. */
  nav?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { pathname, state } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const keepFocus = useRef(false);
  keepFocus.current = (state as Partial<typeof KEEP_FOCUS> | null)?.keepFocus === true;

  // a layout effect: focus moves in the same frame as the new page appears
  useLayoutEffect(() => {
    // pathname is the trigger: focus the new page's title, but not on the first page load.
    void pathname;
    if (first.current) {
      first.current = false;
      return;
    }
    if (keepFocus.current) return;
    main.current?.querySelector<HTMLElement>("h1")?.focus();
  }, [pathname]);

  return (
    <>
      <SiteHeader tagline={tagline} tools={tools}>
        {nav}
      </SiteHeader>
      <main id="contenu" tabIndex={-1} ref={main} className="main">
        {children}
      </main>
      <footer className="footer">
        <p>{t("layout.footer")}</p>
      </footer>
    </>
  );
}
