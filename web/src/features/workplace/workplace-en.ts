import { statusEn } from "./status/status-en.ts";
import type { workplaceFr } from "./workplace-fr.ts";

/** English strings of the digital workplace's pages; same keys as French. */
export const workplaceEn: typeof workplaceFr = {
  workplace: {
    navTitle: "Digital workplace",
    nav: { catalogue: "Service catalogue", status: "Service status" },
    catalogue: {
      title: "Service catalogue",
      intro:
        "The services the entente offers its members. Each entry is a service of the identity federation (its OpenID Connect client); the members' subscriptions decide who may sign in to it.",
      caption: "Services in the catalogue ({{count}})",
      none: "No service in the catalogue yet.",
      logo: "Logo",
      name: "Service",
      kind: "Kind",
      maturity: "Maturity",
      order: "Order",
      url: "Address",
      subscribers: "Subscribed members",
      noSubscriber: "none",
      kinds: {
        video: "Video conferencing",
        chat: "Instant messaging",
        files: "Files",
        office: "Online editing",
        elearning: "E-learning",
        mail: "Email",
        other: "Other",
      },
      maturities: { alpha: "Alpha", beta: "Beta", stable: "Stable" },
      add: "Add to the catalogue",
      client: "Service of the identity federation",
      clientHint: "Register the service first in « Identity federation › Services ».",
      noClient: "Every registered service is already in the catalogue.",
      description: "Description",
      supportUrl: "Support link (shown to people refused)",
      urlHint: "https://; no username or password in the address.",
      showSubscriptions: "Subscriptions",
      showSubscriptionsNamed: "Subscriptions to {{name}}",
    },
    subscriptions: {
      title: "Subscriptions to {{name}}",
      caption: "Members subscribed to {{name}}",
      none: "No member subscribed to this service: nobody can sign in to it.",
      member: "Member",
      startsOn: "From",
      endsOn: "Until",
      seats: "Accounts (seats)",
      seatsHint: "Whole number of accounts; empty: not limited.",
      remaining: "Accounts left to migrate",
      add: "Subscribe the member",
    },
    status: statusEn,
  },
};
