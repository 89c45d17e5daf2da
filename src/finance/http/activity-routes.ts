import { z } from "zod";
import { requirePrincipal } from "../../access/index.ts";
import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import { IdParam, YearParam } from "../../shared/contract-primitives.ts";
import { parseEuros } from "../../shared/money.ts";
import type { ConsoleDeps } from "../app/console-deps.ts";
import { cancelPayment, issueFundCalls, listFundCalls, recordPayment } from "../app/fund-calls.ts";
import { createDecision, recordRatification } from "../app/manage-decisions.ts";
import { listAudit, listDecisions } from "../app/read-activity.ts";
import {
  AuditPage,
  Decision,
  DecisionCreate,
  FundCall,
  FundCallIssue,
  PaymentCancel,
  PaymentCreate,
  RatificationUpdate,
} from "../contracts/api.ts";
import { EntenteError } from "../errors.ts";
import { decisionJson, fundCallJson } from "./to-contract.ts";

const EntenteParams = z.object({ id: IdParam });

/** Conference decisions and ratifications, fund calls and payments, the audit trail. */
export function createActivityRoutes(deps: ConsoleDeps): RouteRegistrar {
  return async (app) => {
    app.get(
      "/api/ententes/:id/decisions",
      {
        schema: {
          summary: "Decisions of the conference with each member's ratification",
          tags: ["decisions"],
          params: EntenteParams,
          response: { 200: z.array(Decision) },
        },
      },
      async (request) =>
        (await listDecisions(deps, requirePrincipal(request), request.params.id)).map(decisionJson),
    );

    app.post(
      "/api/ententes/:id/decisions",
      {
        schema: {
          summary: "Record a conference decision (a budget's approval opens its ratifications)",
          tags: ["decisions"],
          params: EntenteParams,
          body: DecisionCreate,
          response: { 201: Decision },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            decisionJson(
              await createDecision(deps, requirePrincipal(request), request.params.id, request.body),
            ),
          ),
    );

    app.put(
      "/api/ententes/:id/decisions/:decisionId/ratifications/:memberId",
      {
        schema: {
          summary: "Record a member's deliberation (délibération concordante)",
          tags: ["decisions"],
          params: EntenteParams.extend({ decisionId: z.string().regex(/^\d+$/), memberId: IdParam }),
          body: RatificationUpdate,
          response: { 200: Decision },
        },
      },
      async (request) => {
        const { rowVersion, ...change } = request.body;
        return decisionJson(
          await recordRatification(
            deps,
            requirePrincipal(request),
            request.params.id,
            request.params.decisionId,
            request.params.memberId,
            change,
            rowVersion,
          ),
        );
      },
    );

    app.get(
      "/api/ententes/:id/fund-calls",
      {
        schema: {
          summary: "Fund calls with payments and what is due",
          tags: ["fund calls"],
          params: EntenteParams,
          querystring: z.object({ year: YearParam.optional() }),
          response: { 200: z.array(FundCall) },
        },
      },
      async (request) =>
        (
          await listFundCalls(deps, requirePrincipal(request), request.params.id, request.query.year ?? null)
        ).map(fundCallJson),
    );

    app.post(
      "/api/ententes/:id/fund-calls/:year",
      {
        schema: {
          summary: "Issue the year's fund calls (the budget must be adopted)",
          tags: ["fund calls"],
          params: EntenteParams.extend({ year: YearParam }),
          body: FundCallIssue,
          response: { 201: z.array(FundCall) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            (
              await issueFundCalls(
                deps,
                requirePrincipal(request),
                request.params.id,
                request.params.year,
                request.body.dueOn,
              )
            ).map(fundCallJson),
          ),
    );

    app.post(
      "/api/ententes/:id/fund-calls/:year/:memberId/payments",
      {
        schema: {
          summary: "Record a payment against a member's fund call",
          tags: ["fund calls"],
          params: EntenteParams.extend({ year: YearParam, memberId: IdParam }),
          body: PaymentCreate,
          response: { 201: FundCall },
        },
      },
      async (request, reply) => {
        const parsed = parseEuros(request.body.amount);
        if (!parsed.ok)
          throw new EntenteError(
            `amount.${parsed.reason}`,
            { value: request.body.amount, currency: "EUR", max: 2 },
            { path: ["amount"] },
          );
        const call = await recordPayment(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.year,
          request.params.memberId,
          { amountCents: parsed.cents, paidOn: request.body.paidOn, reference: request.body.reference },
        );
        return reply.code(201).send(fundCallJson(call));
      },
    );

    app.delete(
      "/api/ententes/:id/payments/:paymentId",
      {
        schema: {
          summary: "Cancel a payment recorded by mistake (kept in the audit trail with the reason)",
          tags: ["fund calls"],
          params: EntenteParams.extend({ paymentId: z.string().regex(/^\d+$/) }),
          body: PaymentCancel,
          response: { 200: FundCall },
        },
      },
      async (request) =>
        fundCallJson(
          await cancelPayment(
            deps,
            requirePrincipal(request),
            request.params.id,
            request.params.paymentId,
            request.body.reason,
          ),
        ),
    );

    app.get(
      "/api/ententes/:id/audit",
      {
        schema: {
          summary: "Audit trail, newest first",
          tags: ["audit"],
          params: EntenteParams,
          querystring: z.object({
            before: z.string().regex(/^\d+$/).optional(),
            limit: z.coerce.number().int().min(1).max(200).optional(),
          }),
          response: { 200: AuditPage },
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 50;
        const events = await listAudit(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.query.before ?? null,
          limit,
        );
        return {
          events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
          nextBefore: events.length === limit ? (events.at(-1)?.id ?? null) : null,
        };
      },
    );
  };
}
