import type { Issue } from "../../shared/errors.ts";

/**
 * What a connector names must be of its own entente: the members whose persons it receives
 * (`memberIds`) and the service whose accounts it keeps (`clientId`). A connector naming another
 * entente's member or service would receive nobody, or — worse — look as if it kept accounts it
 * never sees; so it is refused, naming the field and the unknown ids.
 */
export function connectorReferenceIssues(
  input: { readonly memberIds: readonly string[] | null; readonly clientId: string | null },
  known: { readonly unknownMemberIds: readonly string[]; readonly serviceKnown: boolean },
): Issue[] {
  const issues: Issue[] = [];
  if (input.memberIds !== null && (input.memberIds.length === 0 || known.unknownMemberIds.length > 0))
    issues.push({
      code: "provisioning.connector_members_unknown",
      path: ["memberIds"],
      details: { field: "memberIds", unknown: known.unknownMemberIds.join(", ") || "[]" },
    });
  if (input.clientId !== null && !known.serviceKnown)
    issues.push({
      code: "provisioning.connector_service_unknown",
      path: ["clientId"],
      details: { field: "clientId", clientId: input.clientId },
    });
  return issues;
}
