import { z } from "zod";
import { IdParam, YearParam } from "../../shared/contract-primitives.ts";

/** `/api/ententes/:id…` */
export const EntenteParams = z.object({ id: IdParam });

/** `/api/ententes/:id/…/:year…` */
export const ExerciseParams = z.object({ id: IdParam, year: YearParam });
