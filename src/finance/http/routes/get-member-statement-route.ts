import { requirePrincipal } from "../../../access/index.ts";
import { IdParam } from "../../../shared/contract-primitives.ts";
import { centsToEuroText } from "../../../shared/money.ts";
import { getMemberStatement } from "../../app/get-member-statement.ts";
import { MemberStatement } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";

/** `GET /api/ententes/:id/members/:memberId/statement`: called, paid, due by year; what it still owes. */
export const getMemberStatementRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/members/:memberId/statement",
    {
      schema: {
        summary: "A member's statement over the years and what it still owes",
        tags: ["members"],
        params: EntenteParams.extend({ memberId: IdParam }),
        response: { 200: MemberStatement },
      },
    },
    async (request) => {
      const statement = await getMemberStatement(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.params.memberId,
      );
      return {
        memberId: statement.member,
        years: statement.years.map((y) => ({
          year: y.year,
          called: centsToEuroText(y.called),
          issued: y.issued,
          paid: centsToEuroText(y.paid),
          refunded: centsToEuroText(y.refunded),
          due: centsToEuroText(y.due),
        })),
        stillOwed: centsToEuroText(statement.stillOwed),
      };
    },
  );
};
