import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useBlocker } from "react-router";
import { useSessionContext } from "./session-context.tsx";

/**
 * Warns before unsaved edits are lost: a confirmation for a move inside the console (react-router
 * blocker: another page, another year) and the browser's own prompt on reload or close
 * (beforeunload). A lost session never blocks: the way to sign-in must stay open.
 */
export function useUnsavedChanges(dirty: boolean): void {
  const { t } = useTranslation();
  const { state } = useSessionContext();
  const active = dirty && state.status === "signed-in";
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      active &&
      nextLocation.pathname !== "/sign-in" &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    // window.confirm: a native dialog, read by screen readers and answered with the keyboard
    if (window.confirm(t("common.unsavedLeave"))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // older browsers show their prompt only when returnValue is set
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [active]);
}
