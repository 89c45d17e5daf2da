import type { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { IdParam } from "../../../shared/contract-primitives.ts";
import { updateMember } from "../../app/update-member.ts";
import { Member, MemberUpdate } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { accountantRecord } from "../to-contract.ts";

/** `PUT /api/ententes/:id/members/:memberId`: edit a member (membership: secretariat), from the version read. */
export const updateMemberRoute: FinanceRoute = (app, deps) => {
  app.put(
    "/api/ententes/:id/members/:memberId",
    {
      schema: {
        summary: "Edit a member",
        tags: ["members"],
        params: EntenteParams.extend({ memberId: IdParam }),
        body: MemberUpdate,
        response: { 200: Member },
      },
    },
    async (request) => {
      const { rowVersion, from, to, accountant, ...identity } = request.body;
      const saved = await updateMember(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.params.memberId,
        {
          ...identity,
          ...(from === undefined ? {} : { from }),
          ...(to === undefined ? {} : { to }),
          ...(accountant === undefined ? {} : { accountant: accountantRecord(accountant) }),
        },
        rowVersion,
      );
      return { ...saved, kind: saved.kind as z.infer<typeof Member>["kind"] };
    },
  );
};
