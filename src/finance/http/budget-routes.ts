import { z } from "zod";
import { requirePrincipal } from "../../access/index.ts";
import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import { negotiateLanguage } from "../../platform/http/negotiate-language.ts";
import { IdParam, YearParam } from "../../shared/contract-primitives.ts";
import { parseEuros } from "../../shared/money.ts";
import type { ConsoleDeps } from "../app/console-deps.ts";
import { readBudget, readBudgetReport } from "../app/read-budget.ts";
import { createAmendingBudget, saveBudget } from "../app/save-budget.ts";
import { readSettlement, saveSettlement } from "../app/save-settlement.ts";
import { BudgetUpdate, BudgetVersion, ExportFormat, Settlement, SettlementUpdate } from "../contracts/api.ts";
import { EntenteError } from "../errors.ts";
import { renderBudgetDocument } from "../formats/render-budget-document.ts";
import { renderJson } from "../formats/render-json.ts";
import { budgetJson, settlementJson } from "./to-contract.ts";

const Params = z.object({ id: IdParam, year: YearParam });

/** The year's budget (lines, edit), its deliberation tables as JSON, and their downloads. */
export function createBudgetRoutes(deps: ConsoleDeps): RouteRegistrar {
  return async (app) => {
    app.get(
      "/api/ententes/:id/exercises/:year/budget",
      {
        schema: {
          summary: "The year's latest budget version",
          tags: ["budget"],
          params: Params,
          response: { 200: BudgetVersion },
        },
      },
      async (request) =>
        budgetJson(await readBudget(deps, requirePrincipal(request), request.params.id, request.params.year)),
    );

    app.put(
      "/api/ententes/:id/exercises/:year/budget",
      {
        schema: {
          summary: "Replace the lines of the year's draft budget (one transaction)",
          tags: ["budget"],
          params: Params,
          body: BudgetUpdate,
          response: { 200: BudgetVersion },
        },
      },
      async (request) => {
        const lines = request.body.lines.map((line, index) => {
          const parsed = parseEuros(line.amount);
          if (!parsed.ok)
            throw new EntenteError(
              `amount.${parsed.reason}`,
              { value: line.amount, currency: "EUR", max: 2 },
              { path: ["lines", index, "amount"] },
            );
          return {
            missionId: line.missionId,
            label: line.label,
            section: line.section,
            direction: line.direction,
            receiptKind: line.receiptKind,
            amountCents: parsed.cents,
            nature: line.nature,
          };
        });
        return budgetJson(
          await saveBudget(
            deps,
            requirePrincipal(request),
            request.params.id,
            request.params.year,
            lines,
            request.body.rowVersion,
          ),
        );
      },
    );

    app.get(
      "/api/ententes/:id/exercises/:year/settlement",
      {
        schema: {
          summary: "Advances and adjustments of an exercise",
          tags: ["budget"],
          params: Params,
          response: { 200: Settlement },
        },
      },
      async (request) =>
        settlementJson(
          await readSettlement(deps, requirePrincipal(request), request.params.id, request.params.year),
        ),
    );

    app.put(
      "/api/ententes/:id/exercises/:year/settlement",
      {
        schema: {
          summary: "Replace the advances and adjustments of an exercise (one transaction)",
          tags: ["budget"],
          params: Params,
          body: SettlementUpdate,
          response: { 200: Settlement },
        },
      },
      async (request) => {
        const cents = (amount: string, path: (string | number)[], signed: boolean) => {
          const parsed = parseEuros(amount, { allowNegative: signed });
          if (!parsed.ok)
            throw new EntenteError(
              `amount.${parsed.reason}`,
              { value: amount, currency: "EUR", max: 2 },
              { path },
            );
          return parsed.cents;
        };
        const body = request.body;
        const settlement = {
          advances: body.advances.map((a, i) => ({
            id: a.id,
            label: a.label,
            memberId: a.memberId,
            keyId: a.keyId,
            amountCents: cents(a.amount, ["advances", i, "amount"], false),
          })),
          adjustments: body.adjustments.map((a, i) => ({
            id: a.id,
            label: a.label,
            amounts: a.amounts.map((x, j) => ({
              memberId: x.memberId,
              amountCents: cents(x.amount, ["adjustments", i, "amounts", j, "amount"], true),
            })),
          })),
        };
        return settlementJson(
          await saveSettlement(
            deps,
            requirePrincipal(request),
            request.params.id,
            request.params.year,
            settlement,
            body.rowVersion,
          ),
        );
      },
    );

    app.post(
      "/api/ententes/:id/exercises/:year/budget/versions",
      {
        schema: {
          summary: "Open an amending budget (décision modificative) from the adopted one",
          tags: ["budget"],
          params: Params,
          response: { 201: BudgetVersion },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            budgetJson(
              await createAmendingBudget(
                deps,
                requirePrincipal(request),
                request.params.id,
                request.params.year,
              ),
            ),
          ),
    );

    app.get(
      "/api/ententes/:id/budget/:year/report",
      {
        schema: {
          summary:
            "Deliberation tables (annex, split, recalls, fund calls) as JSON — the CLI's --format json",
          tags: ["budget"],
          params: Params,
        },
      },
      async (request, reply) => {
        const report = await readBudgetReport(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.year,
        );
        return reply.type("application/json; charset=utf-8").send(renderJson(report));
      },
    );

    app.get(
      "/api/ententes/:id/budget/:year/export.:format",
      {
        schema: {
          summary: "Download the deliberation tables (XLSX, ODS, CSV, PDF, Markdown, JSON)",
          tags: ["budget"],
          params: Params.extend({ format: ExportFormat }),
          querystring: z.object({ lang: z.enum(["fr", "en"]).optional() }),
        },
      },
      async (request, reply) => {
        const report = await readBudgetReport(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.year,
        );
        const lang = request.query.lang ?? negotiateLanguage(request.headers["accept-language"]);
        const document = await renderBudgetDocument(report, request.params.format, lang, { bom: true });
        if (document === null) throw new EntenteError("resource.not_found", { what: "table", id: "" });
        const name = `budget-${request.params.id}-${request.params.year}.${request.params.format}`;
        return reply
          .type(document.mediaType)
          .header("content-disposition", `attachment; filename="${name}"`)
          .send(document.body);
      },
    );
  };
}
