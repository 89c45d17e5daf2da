import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ApiError, toApiError } from "../api/api-error.ts";
import type { Translate } from "../i18n/translate.ts";
import { issueMessage } from "./issue-message.ts";

/** The state of one form's submission and what it offers (see {@link useSubmit}). */
export type Submit = {
  saving: boolean;
  /** The last failure: client-side validation (`client.invalid_input`) or the server's problem. */
  error: ApiError | undefined;
  /** True after a successful save, until the next edit or submit (drives the "saved" notice). */
  saved: boolean;
  /** The message to show next to `field` ("lines.2.amount"), if any. */
  fieldError: (field: string) => string | undefined;
  /**
   * Checks `body` with the contract's request schema, then runs `send` with the parsed body.
   * Field errors of both steps end up in `error.fields`, shown next to their inputs.
   */
  run: <B, R>(schema: z.ZodType<B>, body: unknown, send: (body: B) => Promise<R>) => Promise<R | undefined>;
  /** Forgets the last error and the saved notice (call it on edit). */
  reset: () => void;
};

/** Turns "/lines/2/amount", "body.lines.2.amount" or "lines[2].amount" into "lines.2.amount". */
export function normaliseField(field: string): string {
  return field
    .replace(/\[(\d+)\]/g, ".$1")
    .replace(/\//g, ".")
    .replace(/^\.+/, "")
    .replace(/^body\./, "");
}

/** State of one form's submission. */
export function useSubmit(): Submit {
  const { t, i18n } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [saved, setSaved] = useState(false);

  const run = useCallback(
    async <B, R>(schema: z.ZodType<B>, body: unknown, send: (body: B) => Promise<R>) => {
      setSaved(false);
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        setError(
          new ApiError(422, {
            code: "client.invalid_input",
            detail: t("errors.checkFields"),
            errors: parsed.error.issues.map((i) => ({
              code: i.code,
              field: i.path.join("."),
              message: issueMessage(i, t as unknown as Translate, i18n.language),
            })),
          }),
        );
        return undefined;
      }
      setSaving(true);
      setError(undefined);
      try {
        const result = await send(parsed.data);
        setSaved(true);
        return result;
      } catch (caught) {
        setError(toApiError(caught));
        return undefined;
      } finally {
        setSaving(false);
      }
    },
    [t, i18n],
  );

  const fieldError = useCallback(
    (field: string) => error?.fields.find((f) => normaliseField(f.field) === field)?.message,
    [error],
  );
  const reset = useCallback(() => {
    setError(undefined);
    setSaved(false);
  }, []);
  return { saving, error, saved, fieldError, run, reset };
}
