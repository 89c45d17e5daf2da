import { z } from "zod";

/**
 * One strict calendar-date check for every date the platform reads (CLI options, the entente
 * file, the API): `AAAA-MM-JJ` naming a day that exists (2024-02-29 yes, 2023-02-29, 2023-04-31
 * and 2022-13-45 no). We rely on zod's `z.iso.date()`, which checks month lengths and leap
 * years, rather than `Date.parse`, which silently moves 2023-02-31 to 3 March.
 */
export const CalendarDate = z.iso.date({
  message: "date du calendrier AAAA-MM-JJ attendue (ex. 2024-02-29 ; le jour doit exister)",
});

/** True when `text` is `AAAA-MM-JJ` and that day exists in the Gregorian calendar. */
export function isCalendarDate(text: string): boolean {
  return CalendarDate.safeParse(text).success;
}
