// The door of the digital workplace (pillar 3: service catalogue, subscriptions, launcher feed,
// entitlements): what other contexts and the composition may use. Nothing else of
// src/workplace is imported from outside it.

export type { SubscriptionListener } from "./app/ports.ts";
export type { SeededWorkplace, WorkplaceExample } from "./app/seed-workplace-example.ts";
export type { ServiceStatus } from "./app/service-status.ts";
export { registerWorkplaceCommands, type WorkplaceCliDeps } from "./cli/status-commands.ts";
export {
  type ComposedWorkplace,
  composeWorkplace,
  composeWorkplaceForFinance,
  type WorkplaceOptions,
} from "./compose.ts";
export { composeWorkplaceCli } from "./compose-cli.ts";
export {
  type AudiencePerson,
  composeWorkplaceForProvisioning,
  type ServiceAudience,
  type SubscriptionDays,
  type SubscriptionForProvisioning,
  type WorkplaceForProvisioning,
} from "./compose-provisioning.ts";
export { alignHubProbesOn, portalClientsOn, seedWorkplaceExampleOn } from "./compose-seed.ts";
export type { MigrationWave } from "./domain/migration-wave.ts";
export { WIDGET_PATH } from "./http/public-routes.ts";
