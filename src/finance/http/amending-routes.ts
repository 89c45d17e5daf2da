import { z } from "zod";
import { requirePrincipal } from "../../access/index.ts";
import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import { negotiateLanguage } from "../../platform/http/negotiate-language.ts";

import { compareAmendingBudget } from "../app/compare-amending-budget.ts";
import type { FinanceDeps } from "../app/finance-deps.ts";
import { issueFundCallCorrections } from "../app/issue-fund-call-corrections.ts";
import { AmendingComparison, FundCallCorrectionsIssue } from "../contracts/amending-api.ts";
import { FundCall } from "../contracts/api.ts";
import { formatMessage } from "../errors.ts";
import { type FinanceRoute, registerFinanceRoutes } from "./register-finance-routes.ts";
import { ExerciseParams } from "./route-params.ts";
import { getAmendingDeliberationRoute } from "./routes/get-amending-deliberation-route.ts";
import { euros, fundCallJson } from "./to-contract.ts";

/** `GET /api/ententes/:id/exercises/:year/amending-budget`: the DM beside the adopted budget (secretariat). */
const compareRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/exercises/:year/amending-budget",
    {
      schema: {
        summary: "The amending budget beside the budget it amends: lines and members with their delta",
        tags: ["budget"],
        params: ExerciseParams,
        response: { 200: AmendingComparison },
      },
    },
    async (request) => {
      const { id, year } = request.params;
      const view = await compareAmendingBudget(deps, requirePrincipal(request), id, year);
      const lang = negotiateLanguage(request.headers["accept-language"]);
      return {
        year: view.year,
        adopted: view.adopted,
        amended: {
          id: view.amended.id,
          year: view.amended.year,
          number: view.amended.number,
          label: view.amended.label,
          status: view.amended.status,
          rowVersion: view.amended.rowVersion,
        },
        lines: view.lines.map((l) => ({
          ...l,
          adopted: euros(l.adopted),
          amended: euros(l.amended),
          delta: euros(l.delta),
        })),
        members: view.members.map((m) => ({
          year: m.year,
          memberId: m.member,
          name: view.memberNames[m.member] ?? m.member,
          adopted: euros(m.adopted),
          amended: euros(m.amended),
          delta: euros(m.delta),
        })),
        problems: view.problems.map((p) => ({
          code: p.code,
          message: formatMessage(p.code, p.details, lang),
        })),
      };
    },
  );
};

/** `POST /api/ententes/:id/exercises/:year/fund-call-corrections`: issue the adopted DM's complementary calls and reductions (201). */
const issueCorrectionsRoute: FinanceRoute = (app, deps) => {
  app.post(
    "/api/ententes/:id/exercises/:year/fund-call-corrections",
    {
      schema: {
        summary: "Issue the complementary calls and reductions of the year's adopted amending budget",
        tags: ["fund calls"],
        params: ExerciseParams,
        body: FundCallCorrectionsIssue,
        response: { 201: z.array(FundCall) },
      },
    },
    async (request, reply) => {
      const { id, year } = request.params;
      const calls = await issueFundCallCorrections(
        deps,
        requirePrincipal(request),
        id,
        year,
        request.body.dueOn,
      );
      return reply.code(201).send(calls.map(fundCallJson));
    },
  );
};

/** Amending budgets: the DM beside the adopted budget, its complementary calls and reductions, its deliberation drafts. */
export function createAmendingRoutes(deps: FinanceDeps): RouteRegistrar {
  return registerFinanceRoutes([compareRoute, issueCorrectionsRoute, getAmendingDeliberationRoute], deps);
}
