import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/api-error.ts";
import { type FormField, formProblems, messageOf, messagesOf } from "./form-problems.ts";

/** The summary's problems and each input's message, for one form. */
export function useFormProblems(error: ApiError | undefined, fields: readonly FormField[]) {
  const { t } = useTranslation();
  const problems = formProblems(error, fields, (label, line) => t("identity.form.line", { label, line }));
  return {
    problems,
    /** The message to show next to the input `id`, if any. */
    of: (id: string) => messageOf(problems, id),
    /** The messages of a group of checkboxes whose first box is `id`. */
    all: (id: string) => messagesOf(problems, id),
    /** The props tying a checkbox that heads a group (`id`) to the group's error list (`${id}-error`). */
    groupInvalid: (id: string) =>
      messageOf(problems, id) === undefined
        ? {}
        : { "aria-invalid": true, "aria-describedby": `${id}-error` },
  };
}

/** The problems of one form and the messages of each input (see {@link useFormProblems}). */
export type FormProblems = ReturnType<typeof useFormProblems>;
