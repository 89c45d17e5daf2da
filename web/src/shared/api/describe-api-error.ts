import type { useTranslation } from "react-i18next";
import type { ApiError } from "./api-error.ts";

/** The messages used here: keys of the shared `errors` table. */
type ErrorMessages = (key: `errors.${string}`, options?: Record<string, unknown>) => string;

/**
 * The sentence that tells a person what went wrong with a request: the server's own explanation
 * (`problem.detail`, RFC 9457) when it gave one, else the console's message for the network, an
 * unreadable answer, 403, 404 or another status.
 */
export function describeApiError(error: ApiError, translate: ReturnType<typeof useTranslation>["t"]): string {
  // Narrowed to the few keys used here: with every feature's tables, i18next's inference over the
  // whole key set passes TypeScript's instantiation depth (TS2589) at calls returning a string.
  const t = translate as unknown as ErrorMessages;
  if (error.code === "client.network") return t("errors.network");
  if (error.code === "client.invalid_response")
    return t("errors.invalidResponse", { detail: error.problem.detail });
  if (error.status === 403) return error.problem.detail ?? t("errors.forbidden");
  if (error.status === 404) return error.problem.detail ?? t("errors.notFound");
  return error.problem.detail ?? t("errors.unknown", { status: error.status });
}
