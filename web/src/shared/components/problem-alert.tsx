import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../api/api-error.ts";
import { describeApiError } from "../api/describe-api-error.ts";
import { STALE_VERSION } from "../api/problem.ts";
import { fieldInputIds } from "./field-input-ids.ts";

type Props = {
  error: ApiError | undefined;
  /** Reloads the data after a 409 stale version (someone else saved in between). */
  onReload?: () => void;
  /**
   * Moves the focus to the alert on each new error (default), so that a keyboard or screen reader
   * user hears it rather than falling to <body> when the submit button is disabled meanwhile.
   * False for an error found while loading a page (the page heading keeps the focus).
   */
  focus?: boolean;
  /**
   * @deprecated Ignored: every field message is listed in the alert, linked to its input when the
   * form shows one (found by `fieldInputIds`). Left so that the forms passing it need not change.
   */
  shownFields?: (field: string) => boolean;
};

/**
 * The error of a request, announced at once (role="alert") — the one place the console renders a
 * problem (RFC 9457), for client-side checks and server answers alike. When the problem has field
 * errors (`errors[]`, e.g. a 422), the alert says nothing was saved and lists each message, as a
 * link to its input when the form shows it (following it focuses the input); the server's
 * `detail` is not shown then, as it speaks of the API (« détaillé(s) dans « errors » »). Without
 * field errors it shows `detail` (or the console's message), and for a stale version the way out.
 */
export function ProblemAlert({ error, onReload, focus = true }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [targets, setTargets] = useState<readonly (string | undefined)[]>([]);
  const fields = error?.fields ?? [];
  useLayoutEffect(() => {
    setTargets(error === undefined ? [] : fieldInputIds(box.current, error.fields));
  }, [error]);
  useEffect(() => {
    if (focus && error !== undefined) box.current?.focus();
  }, [error, focus]);
  if (error === undefined) return <div role="alert" className="visually-empty" />;
  const stale = error.code === STALE_VERSION;
  const listed = !stale && fields.length > 0;
  return (
    <div ref={box} role="alert" tabIndex={-1} className="alert alert--error error-summary">
      <p className="alert__title">
        {stale ? t("errors.staleTitle") : (error.problem.title ?? t("errors.title"))}
      </p>
      <p>{stale ? t("errors.stale") : listed ? t("errors.fixFields") : describeApiError(error, t)}</p>
      {listed && (
        <ul>
          {fields.map((f, i) => {
            const target = targets[i];
            return (
              // the message says what and where; the technical field path would not help a reader
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole on each error
              <li key={i}>
                {target === undefined ? (
                  f.message
                ) : (
                  <a
                    href={`#${target}`}
                    onClick={(event) => {
                      event.preventDefault();
                      const input = document.getElementById(target);
                      input?.focus();
                      input?.scrollIntoView({ block: "center" });
                    }}
                  >
                    {f.message}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {stale && onReload !== undefined && (
        <button type="button" className="button button--secondary" onClick={onReload}>
          {t("actions.reload")}
        </button>
      )}
    </div>
  );
}
