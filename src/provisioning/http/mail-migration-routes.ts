import { z } from "zod";
import { requirePrincipal } from "../../access/index.ts";
import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import { IdParam } from "../../shared/contract-primitives.ts";
import {
  type MailMigrationDeps,
  mailMigrationReport,
  prepareMemberMailboxes,
} from "../app/mail-migration.ts";
import { MemberMailMigration, PrepareMailboxesAnswer } from "../contracts.ts";

const BASE = "/api/ententes/:id/provisioning/mail";
const tags = ["provisioning"];
const EntenteParams = z.object({ id: IdParam });

/**
 * The mail migration (issue 12 item 5; docs/mail-platform.md): the per-member report (wave,
 * planned, created, first sign-ins, stage) and the run that creates a member's mailboxes ahead
 * of the switch. Secretariat.
 */
export function createMailMigrationRoutes(deps: MailMigrationDeps): RouteRegistrar {
  return async (app) => {
    app.get(
      `${BASE}/migration`,
      {
        schema: {
          summary: "Mail migration per member: wave, accounts planned, mailboxes created, first sign-ins",
          tags,
          params: EntenteParams,
          querystring: z.object({ memberId: IdParam.optional() }),
          response: { 200: z.array(MemberMailMigration) },
        },
      },
      async (request) => {
        const lines = await mailMigrationReport(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.query.memberId ?? null,
        );
        return lines.map((l) => ({ ...l, domains: [...l.domains] }));
      },
    );
    app.post(
      `${BASE}/members/:memberId/prepare`,
      {
        schema: {
          summary: "Create ahead of the switch the mailbox of every active person of the member's directory",
          tags,
          params: EntenteParams.extend({ memberId: IdParam }),
          response: { 200: PrepareMailboxesAnswer },
        },
      },
      async (request) => {
        const result = await prepareMemberMailboxes(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.memberId,
        );
        return { ...result, refused: [...result.refused] };
      },
    );
  };
}
