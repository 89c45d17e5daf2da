import type { commonFr } from "./common-fr.ts";

/** English strings of the console's frame and generic pieces (app, layout, actions, common, errors, charts, not found); same keys as the French piece. */
export const commonEn: typeof commonFr = {
  app: {
    name: "Entente",
    tagline: "Shared digital services of an entente intercommunale",
  },
  layout: {
    skipToContent: "Skip to content",
    mainNav: "Main navigation",
    signOut: "Sign out",
    footer: "Entente — free software (AGPL-3.0) for ententes intercommunales (CGCT L5221-1).",
  },
  actions: { save: "Save", cancel: "Cancel", reload: "Reload" },
  common: {
    unsavedLeave: "Some changes are not saved. Leave this page and lose them?",
    loading: "Loading…",
    saving: "Saving…",
    saved: "Changes saved.",
    exercise: "Exercise",
    general: "General (no mission)",
    member: "Member",
    mission: "Mission",
    rate: "Rate",
    total: "Total",
    totalEntente: "Entente total",
    actions: "Actions",
  },
  errors: {
    title: "The request failed",
    checkFields: "Check the fields marked below.",
    network: "The server does not answer. Check your connection, then try again.",
    invalidResponse:
      "The server's answer does not match the API contract ({{detail}}). Please report it to the technical team.",
    forbidden: "Your role does not allow this action.",
    notFound: "This item does not exist (any more).",
    unknown: "Unexpected error (HTTP {{status}}). Try again; if it persists, please report it.",
    staleTitle: "Changed in the meantime",
    stale:
      "Changed by someone else in the meantime: reload to see the latest version (unsaved input will be lost).",
    fixFields: "Nothing was saved: correct the following points.",
    amountInput:
      "An amount in euros is expected: at most {{digits}} digits before the decimal point (€{{max}} at most) and 2 after, for example {{whole}} or {{withCents}}.",
  },
  charts: {
    seeTable: "(detailed figures in the table below)",
    alternative: "Bar chart; the same amounts are in the table that follows.",
  },
  notFound: {
    title: "Page not found",
    text: "This address matches no page of the console.",
    home: "Back to the home page",
  },
};
