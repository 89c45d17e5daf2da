/**
 * The door of the console's provisioning feature (src/provisioning on the server): the mail
 * migration's page and its group of the entente's navigation. The app imports it through this file only.
 */
export { MailMigrationPage } from "./mail-migration-page.tsx";
export { provisioningEn } from "./provisioning-en.ts";
export { provisioningFr } from "./provisioning-fr.ts";
export { ProvisioningNav } from "./provisioning-nav.tsx";
