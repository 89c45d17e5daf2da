/**
 * The door of the console's digital-workplace feature (src/workplace on the server): the service
 * catalogue page and its group of the entente's navigation. The app imports it through this file only.
 */
export { AnnouncementsPage } from "./announcements/announcements-page.tsx";
export { WorkplaceCataloguePage } from "./catalogue/workplace-catalogue-page.tsx";
export { WorkplaceStatusPage } from "./status/workplace-status-page.tsx";
export { workplaceEn } from "./workplace-en.ts";
export { workplaceFr } from "./workplace-fr.ts";
export { WorkplaceNav } from "./workplace-nav.tsx";
