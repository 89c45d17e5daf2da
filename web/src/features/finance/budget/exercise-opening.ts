import { toApiAmount } from "../../../../../src/shared/money-input.ts";

/** The form « Ouvrir l'exercice suivant » as typed. */
export type OpeningDraft = {
  /** Year of the new exercise's fund calls: "same" (N+1) or "next" (N+2, a recall). */
  calledIn: "same" | "next";
  /** N's result per section as typed ("350 000", "-3 000,50"); empty: nothing carried over. */
  investissement: string;
  fonctionnement: string;
};

/** An empty form: called in its year, nothing carried over. */
export const emptyOpening = (): OpeningDraft => ({
  calledIn: "same",
  investissement: "",
  fonctionnement: "",
});

/**
 * The body of `POST /api/ententes/:id/exercises` (contract `ExerciseOpening`) opening `from + 1`:
 * amounts typed the reader's way in the API's form, empty ones left out; a text that is no amount
 * is passed as typed for the contract's schema to reject next to its field.
 * @example toOpeningBody(2023, { calledIn: "next", investissement: "350 000", fonctionnement: "" })
 * // → { from: 2023, calledIn: 2025, carryOver: { investissement: "350000.00" } }
 */
export function toOpeningBody(from: number, draft: OpeningDraft): unknown {
  const carryOver: Record<string, string> = {};
  for (const section of ["investissement", "fonctionnement"] as const) {
    const typed = draft[section].trim();
    if (typed !== "") carryOver[section] = toApiAmount(typed);
  }
  return { from, calledIn: draft.calledIn === "same" ? from + 1 : from + 2, carryOver };
}
