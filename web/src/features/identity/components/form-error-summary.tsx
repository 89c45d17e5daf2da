import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/api-error.ts";
import { describeApiError } from "../../../shared/api/describe-api-error.ts";
import { STALE_VERSION } from "../../../shared/api/problem.ts";
import type { FormProblem } from "./form-problems.ts";

/**
 * The summary of a failed submission, at the top of the form: what went wrong, the code support
 * can quote, and each problem as a link to its input (following it puts the focus in the input).
 * Each new error moves the focus to the summary, so that a keyboard or screen reader user hears it
 * rather than staying on the button (or falling to <body> when the button is disabled meanwhile).
 */
export function FormErrorSummary({
  error,
  problems,
}: {
  error: ApiError | undefined;
  problems: readonly FormProblem[];
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error !== undefined) box.current?.focus();
  }, [error]);
  if (error === undefined) return null;
  const stale = error.code === STALE_VERSION;
  const listed = problems.length > 0;
  const code = error.code;
  return (
    <div ref={box} role="alert" tabIndex={-1} className="alert alert--error error-summary">
      <p className="alert__title">
        {stale ? t("errors.staleTitle") : (error.problem.title ?? t("errors.title"))}
      </p>
      <p>{stale ? t("errors.stale") : listed ? t("errors.checkFields") : describeApiError(error, t)}</p>
      {listed && (
        <ul>
          {problems.map((p, i) => (
            // a problem may come twice from two lines with the same text: the index keeps keys unique
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole on each error
            <li key={i}>
              {p.field === undefined ? (
                p.message
              ) : (
                <a
                  href={`#${p.field.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    const input = document.getElementById(p.field?.id ?? "");
                    input?.focus();
                    input?.scrollIntoView({ block: "center" });
                  }}
                >
                  {p.message.includes(p.field.label)
                    ? p.message
                    : t("identity.form.problemOf", { label: p.field.label, message: p.message })}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {code !== undefined && !code.startsWith("client.") && (
        <p className="error-summary__code">
          {t("identity.form.code")} <code>{code}</code>
        </p>
      )}
    </div>
  );
}
