import type { FormProblems } from "../components/use-form-problems.ts";
import type { SourceDraft } from "./source-draft.ts";

/** What each part of the source form receives: the draft, how to change it, its problems. */
export type SourceFormPart = {
  draft: SourceDraft;
  edit: (change: Partial<SourceDraft>) => void;
  errors: FormProblems;
};
