import { Route, Routes } from "react-router";
import { RequireSession, SignedInLayout, SignInPage } from "./features/access/index.ts";
import {
  AmendingBudgetPage,
  AuditPage,
  BudgetPage,
  DashboardPage,
  DecisionsPage,
  EntenteLayout,
  FundCallsPage,
  HomePage,
  KeysPage,
  MembersPage,
  MissionPage,
  MissionsPage,
  SettlementPage,
  SimulatorPage,
  TablesPage,
  UsageKeyPage,
} from "./features/finance/index.ts";
import {
  IdentityDomainsPage,
  IdentityEventsPage,
  IdentityNav,
  IdentityPersonsPage,
  IdentityResourceServersPage,
  IdentityServicesPage,
  IdentitySourcesPage,
} from "./features/identity/index.ts";
import {
  DeliveriesPage,
  MailMigrationPage,
  ProvisioningNav,
  ResyncPage,
} from "./features/provisioning/index.ts";
import {
  AnnouncementsPage,
  WorkplaceCataloguePage,
  WorkplaceNav,
  WorkplaceStatusPage,
} from "./features/workplace/index.ts";
import { NotFoundPage } from "./shared/layout/not-found-page.tsx";

/** The identity federation's and the digital workplace's groups of an entente's navigation. */
const moreNav = (ententeId: string) => (
  <>
    <IdentityNav ententeId={ententeId} />
    <WorkplaceNav ententeId={ententeId} />
    <ProvisioningNav ententeId={ententeId} />
  </>
);

/** The console's pages; every page but sign-in needs a session. */
export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<HomePage />} />
        <Route path="ententes/:ententeId" element={<EntenteLayout moreNav={moreNav} />}>
          <Route index element={<DashboardPage />} />
          <Route path="members" element={<MembersPage />} />
          <Route path="members/:memberId" element={<MembersPage />} />
          <Route path="keys" element={<KeysPage />} />
          <Route path="simulator" element={<SimulatorPage />} />
          <Route path="usage-key" element={<UsageKeyPage />} />
          <Route path="missions" element={<MissionsPage />} />
          <Route path="missions/:missionId" element={<MissionPage />} />
          <Route path="budget" element={<BudgetPage />} />
          <Route path="amending-budget" element={<AmendingBudgetPage />} />
          {/* one route, so that choosing another year keeps the page (and the focus on the select) */}
          <Route path="settlement/:year?" element={<SettlementPage />} />
          <Route path="tables" element={<TablesPage />} />
          <Route path="decisions" element={<DecisionsPage />} />
          <Route path="fund-calls" element={<FundCallsPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="identity/sources" element={<IdentitySourcesPage />} />
          <Route path="identity/domains" element={<IdentityDomainsPage />} />
          <Route path="identity/services" element={<IdentityServicesPage />} />
          <Route path="identity/resource-servers" element={<IdentityResourceServersPage />} />
          <Route path="identity/persons" element={<IdentityPersonsPage />} />
          <Route path="identity/events" element={<IdentityEventsPage />} />
          <Route path="workplace/catalogue" element={<WorkplaceCataloguePage />} />
          <Route path="workplace/announcements" element={<AnnouncementsPage />} />
          <Route path="workplace/status" element={<WorkplaceStatusPage />} />
          <Route path="provisioning/mail" element={<MailMigrationPage />} />
          <Route path="provisioning/deliveries" element={<DeliveriesPage />} />
          <Route path="provisioning/resync" element={<ResyncPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route
          path="*"
          element={
            <SignedInLayout>
              <NotFoundPage />
            </SignedInLayout>
          }
        />
      </Route>
    </Routes>
  );
}
