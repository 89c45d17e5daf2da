import type { Principal } from "../../access/index.ts";
import { EntenteError, localized } from "../errors.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import { listFundCalls } from "./list-fund-calls.ts";
import type { FundCallRecord } from "./ports/fund-call-store.ts";
import { type DeliberationDraftData, readDeliberationDraft } from "./read-deliberation-draft.ts";

/** A member's issued fund call with the report's figures behind it. */
export interface FundCallDocumentData extends DeliberationDraftData {
  readonly issued: FundCallRecord;
}

/**
 * The document of a member's issued fund call of a year: the fund-call list's rule (a member's
 * finance officer sees its own member's calls only; another member's is 404, as a call not yet
 * issued), then the report's figures (its access rule). Steps: the issued call, the figures.
 * @throws EntenteError `entente.not_found`, `access.forbidden`, `resource.not_found` (no call
 * issued for the member, or not the reader's).
 */
export async function readFundCallDocument(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "decisions" | "fundCalls">,
  principal: Principal,
  request: { ententeId: string; year: number; member: string },
): Promise<FundCallDocumentData> {
  const calls = await listFundCalls(deps, principal, request.ententeId, request.year);
  const issued = calls.find((c) => c.memberId === request.member);
  if (issued === undefined)
    throw new EntenteError("resource.not_found", {
      what: localized("appel de fonds", "fund call"),
      id: `${request.year}/${request.member}`,
    });
  return { ...(await readDeliberationDraft(deps, principal, request)), issued };
}
