import { Route, Routes } from "react-router";
import { Layout } from "./components/layout.tsx";
import { RequireSession } from "./components/require-session.tsx";
import { AuditPage } from "./pages/audit-page.tsx";
import { BudgetPage } from "./pages/budget-page.tsx";
import { DashboardPage } from "./pages/dashboard-page.tsx";
import { DecisionsPage } from "./pages/decisions-page.tsx";
import { EntenteLayout } from "./pages/entente-layout.tsx";
import { FundCallsPage } from "./pages/fund-calls-page.tsx";
import { HomePage } from "./pages/home-page.tsx";
import { IdentityDomainsPage } from "./pages/identity-domains-page.tsx";
import { IdentityEventsPage } from "./pages/identity-events-page.tsx";
import { IdentityPersonsPage } from "./pages/identity-persons-page.tsx";
import { IdentityServicesPage } from "./pages/identity-services-page.tsx";
import { IdentitySourcesPage } from "./pages/identity-sources-page.tsx";
import { KeysPage } from "./pages/keys-page.tsx";
import { MembersPage } from "./pages/members-page.tsx";
import { MissionPage } from "./pages/mission-page.tsx";
import { MissionsPage } from "./pages/missions-page.tsx";
import { NotFoundPage } from "./pages/not-found-page.tsx";
import { SettlementPage } from "./pages/settlement-page.tsx";
import { SignInPage } from "./pages/sign-in-page.tsx";
import { TablesPage } from "./pages/tables-page.tsx";

/** The console's pages; every page but sign-in needs a session. */
export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<HomePage />} />
        <Route path="ententes/:ententeId" element={<EntenteLayout />}>
          <Route index element={<DashboardPage />} />
          <Route path="members" element={<MembersPage />} />
          <Route path="members/:memberId" element={<MembersPage />} />
          <Route path="keys" element={<KeysPage />} />
          <Route path="missions" element={<MissionsPage />} />
          <Route path="missions/:missionId" element={<MissionPage />} />
          <Route path="budget" element={<BudgetPage />} />
          {/* one route, so that choosing another year keeps the page (and the focus on the select) */}
          <Route path="settlement/:year?" element={<SettlementPage />} />
          <Route path="tables" element={<TablesPage />} />
          <Route path="decisions" element={<DecisionsPage />} />
          <Route path="fund-calls" element={<FundCallsPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="identity/sources" element={<IdentitySourcesPage />} />
          <Route path="identity/domains" element={<IdentityDomainsPage />} />
          <Route path="identity/services" element={<IdentityServicesPage />} />
          <Route path="identity/persons" element={<IdentityPersonsPage />} />
          <Route path="identity/events" element={<IdentityEventsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route
          path="*"
          element={
            <Layout entente={null}>
              <NotFoundPage />
            </Layout>
          }
        />
      </Route>
    </Routes>
  );
}
