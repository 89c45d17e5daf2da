import type { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { addMember } from "../../app/add-member.ts";
import { Member, MemberCreate } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { accountantRecord } from "../to-contract.ts";

/** `POST /api/ententes/:id/members`: a member joins the entente from an exercise (201). */
export const addMemberRoute: FinanceRoute = (app, deps) => {
  app.post(
    "/api/ententes/:id/members",
    {
      schema: {
        summary: "Add a member, from an exercise (secretariat)",
        tags: ["members"],
        params: EntenteParams,
        body: MemberCreate,
        response: { 201: Member },
      },
    },
    async (request, reply) => {
      const { accountant, ...member } = request.body;
      const added = await addMember(deps, requirePrincipal(request), request.params.id, {
        ...member,
        accountant: accountantRecord(accountant),
      });
      return reply.code(201).send({ ...added, kind: added.kind as z.infer<typeof Member>["kind"] });
    },
  );
};
