import { useState } from "react";

/**
 * Pages of a list read newest first with a cursor (`before`: the API's `nextBefore` of the page
 * seen last). Keeps the cursors of the pages seen so far, so that « newer » steps back without
 * asking the server for a cursor the other way. `page` is 1-based.
 */
export function useCursorPages() {
  // null is the newest page
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    before: cursors.at(-1) ?? null,
    page: cursors.length,
    /** Whether there is a newer page to go back to. */
    hasNewer: cursors.length > 1,
    newer: () => setCursors((c) => c.slice(0, -1)),
    /** Goes to the page before `next` (the `nextBefore` of the page shown). */
    older: (next: string) => setCursors((c) => [...c, next]),
    /** Back to the newest page (after a change of filters). */
    restart: () => setCursors([null]),
  };
}
