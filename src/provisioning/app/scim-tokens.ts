import { createHash } from "node:crypto";
import { assertCan, type Principal } from "../../access/index.ts";
import { EntenteError } from "../errors.ts";
import type { ScimScope, ScimTokenStore } from "./ports.ts";

/** What issuing and checking SCIM tokens needs. */
export interface ScimTokenDeps {
  readonly tokens: ScimTokenStore;
  /** Whether `sourceId` is an identity source of the member (identity's door). */
  readonly sourceOfMember: (
    ententeId: string,
    memberId: string,
    sourceId: string,
  ) => Promise<"yes" | "no" | "no_member">;
  /** A new secret: 32 random bytes, base64url. */
  readonly randomSecret: () => string;
  readonly now: () => Date;
}

/** Prefix of Entente's SCIM tokens, so that a leaked one is recognised by secret scanners. */
export const TOKEN_PREFIX = "entente_scim_";

/** SHA-256 (hex) of a token: what is stored and looked up (the token itself is never stored). */
export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/**
 * Issues (or rotates: the previous one stops working at once) the bearer token of a member's SCIM
 * endpoint, bound to the member's identity source whose persons the pushed Users are. The token
 * is returned once. Secretariat only (`manage-identity`), or the command line (principal null).
 * @throws EntenteError `provisioning.member_unknown`, `provisioning.source_not_of_member`, `access.forbidden`.
 */
export async function issueScimToken(
  deps: ScimTokenDeps,
  principal: Principal | null,
  scope: ScimScope,
  issuedBy: string,
): Promise<string> {
  if (principal !== null) assertCan(principal, { kind: "manage-identity", ententeId: scope.ententeId });
  const belongs = await deps.sourceOfMember(scope.ententeId, scope.memberId, scope.sourceId);
  if (belongs === "no_member")
    throw new EntenteError("provisioning.member_unknown", {
      ententeId: scope.ententeId,
      memberId: scope.memberId,
    });
  if (belongs === "no")
    throw new EntenteError("provisioning.source_not_of_member", {
      sourceId: scope.sourceId,
      memberId: scope.memberId,
    });
  const token = `${TOKEN_PREFIX}${deps.randomSecret()}`;
  await deps.tokens.saveToken(scope, hashToken(token), issuedBy, deps.now());
  return token;
}

/** Revokes a member's SCIM token. @throws EntenteError `provisioning.token_not_found`, `access.forbidden`. */
export async function revokeScimToken(
  deps: ScimTokenDeps,
  principal: Principal | null,
  ententeId: string,
  memberId: string,
): Promise<void> {
  if (principal !== null) assertCan(principal, { kind: "manage-identity", ententeId });
  if (!(await deps.tokens.revokeToken(ententeId, memberId)))
    throw new EntenteError("provisioning.token_not_found", { memberId });
}

/** The scope of a bearer token (RFC 6750 §2.1 `Authorization: Bearer …`), or null. */
export async function authenticateScim(
  tokens: ScimTokenStore,
  authorization: string | undefined,
): Promise<ScimScope | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (match?.[1] === undefined || !match[1].startsWith(TOKEN_PREFIX)) return null;
  return tokens.findScope(hashToken(match[1]));
}
