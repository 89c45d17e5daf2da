// The door of the digital workplace (pillar 3: service catalogue, subscriptions, launcher feed,
// entitlements): what other contexts and the composition may use. Nothing else of
// src/workplace is imported from outside it.

export type { SubscriptionListener } from "./app/ports.ts";
export { type ComposedWorkplace, composeWorkplace, type WorkplaceOptions } from "./compose.ts";
export { WIDGET_PATH } from "./http/public-routes.ts";
