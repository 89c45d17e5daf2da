import type { eventsFr } from "./events-fr.ts";

/** English strings of the identity events page (`identity.events.*`); same keys as the French piece. */
export const eventsEn: typeof eventsFr = {
  title: "Sign-in log",
  intro: "Every sign-in, refusal, failure and sign-out, with the code support can quote.",
  filters: "Filters of the log",
  kind: "Event",
  all: "All",
  client: "Service (client id)",
  from: "From",
  to: "To",
  apply: "Filter",
  none: "No event.",
  caption: "Events, newest first — page {{page}}",
  at: "Date",
  code: "Code",
  request: "Request",
  pages: "Pages of the sign-in log",
  newer: "Newer",
  older: "Older",
  kinds: {
    sign_in: "Sign-in",
    sign_in_refused: "Access refused",
    sign_in_failed: "Sign-in failed",
    logout: "Sign-out",
    mfa_enrolled: "Second factor enrolled",
    mfa_failed: "Second factor refused",
    token_issued: "Token issued",
    key_rotated: "Signing key renewed",
  },
};
