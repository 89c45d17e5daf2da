/**
 * The door of the console's provisioning feature (src/provisioning on the server): the
 * deliveries, resync and mail migration pages and its group of the entente's navigation. The app imports it through this file only.
 */
export { DeliveriesPage } from "./deliveries-page.tsx";
export { MailMigrationPage } from "./mail-migration-page.tsx";
export { provisioningEn } from "./provisioning-en.ts";
export { provisioningFr } from "./provisioning-fr.ts";
export { ProvisioningNav } from "./provisioning-nav.tsx";
export { ResyncPage } from "./resync-page.tsx";
