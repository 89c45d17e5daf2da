import { useTranslation } from "react-i18next";
import type { ApiError } from "../api/api-error.ts";
import { describeApiError } from "../api/describe-api-error.ts";
import { STALE_VERSION } from "../api/problem.ts";
import { normaliseField } from "../hooks/use-submit.ts";

type Props = {
  error: ApiError | undefined;
  /** Fields whose messages the form shows next to the input; the others are listed here. */
  shownFields?: (field: string) => boolean;
  /** Reloads the data after a 409 stale version (someone else saved in between). */
  onReload?: () => void;
};

/**
 * The error of a request, announced at once (role="alert"): the server's `detail`, the field
 * messages that have no input on screen, and for a stale version the way out (reload).
 */
export function ProblemAlert({ error, shownFields = () => false, onReload }: Props) {
  const { t } = useTranslation();
  if (error === undefined) return <div role="alert" className="visually-empty" />;
  const stale = error.code === STALE_VERSION;
  const others = error.fields.filter((f) => !shownFields(normaliseField(f.field)));
  return (
    <div role="alert" className="alert alert--error">
      <p className="alert__title">
        {stale ? t("errors.staleTitle") : (error.problem.title ?? t("errors.title"))}
      </p>
      <p>{stale ? t("errors.stale") : describeApiError(error, t)}</p>
      {others.length > 0 && (
        <ul>
          {others.map((f) => (
            // the message says what and where; the technical field path would not help a reader
            <li key={`${f.field}:${f.message}`}>{f.message}</li>
          ))}
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
