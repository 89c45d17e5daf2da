import type { FormProblems } from "../components/use-form-problems.ts";
import type { ServiceDraft } from "./service-draft.ts";

/** What each fieldset of the service form receives: the draft, how to change it, its problems. */
export type ServiceFormPart = {
  draft: ServiceDraft;
  edit: (change: Partial<ServiceDraft>) => void;
  errors: FormProblems;
};

/** `list` with `value` in it (at the end) when `on`, without it otherwise. */
export const toggle = (list: string[], value: string, on: boolean) =>
  on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
