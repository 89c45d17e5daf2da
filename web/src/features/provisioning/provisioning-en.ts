import type { provisioningFr } from "./provisioning-fr.ts";

/** English strings of the provisioning pages; same keys as provisioning-fr.ts. */
export const provisioningEn: typeof provisioningFr = {
  provisioning: {
    navTitle: "Accounts",
    nav: { mail: "Mail migration" },
    mail: {
      title: "Mail migration",
      intro:
        "For each member: its migration wave, the accounts planned (the active persons of its directory), the mailboxes created ahead and the first sign-ins.",
      caption: "Progress per member ({{count}})",
      none: "No member has persons served by a mail connector yet.",
      member: "Member",
      wave: "Wave",
      plannedStart: "Planned start",
      daysToStart: "Days left",
      planned: "Accounts planned",
      created: "Mailboxes created",
      signedIn: "First sign-ins",
      stage: "Stage",
      domains: "Domains",
      storageUsed: "Storage used",
      unknown: "unknown",
      mebibytes: "{{value}} MiB",
      noWave: "none",
      stages: {
        planned: "Planned",
        created: "Mailboxes created",
        "first-sign-in": "First sign-ins",
        done: "Done",
      },
    },
  },
};
