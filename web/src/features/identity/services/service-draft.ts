import type { z } from "zod";
import type { Service } from "../../../../../src/identity/contracts.ts";

/** A service (OIDC client) as the API describes it. */
export type ServiceJson = z.infer<typeof Service>;

/** The claims a service may ask for, as scopes, in the form's order. */
export const SCOPES = ["openid", "profile", "email", "organization", "groups", "offline_access"] as const;
/** The sign-in levels a service may require: none asked (""), one factor, two factors. */
export const ACRS = ["", "urn:entente:acr:1fa", "urn:entente:acr:2fa"] as const;

/** A new service as the form starts it: confidential, code flow with refresh tokens, the usual claims, every member. */
export const EMPTY_SERVICE = {
  name: "",
  redirectUris: "",
  postLogoutRedirectUris: "",
  backchannelLogoutUri: "",
  confidential: true,
  clientCredentials: false,
  refreshTokens: true,
  scopes: ["openid", "profile", "email", "organization"] as string[],
  allMembers: true,
  memberIds: [] as string[],
  roles: "" as "" | "agent" | "elu",
  groups: "",
  requiredAcr: "" as string,
  pkceExempt: false,
  enabled: true,
};

/** A service as edited: every field as the form holds it. */
export type ServiceDraft = typeof EMPTY_SERVICE;

/** One URI per line: only line breaks separate them, so that a line with a space is refused whole. */
const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter((x) => x !== "");

/** A service as the form edits it: URIs one per line, groups comma-separated, the grants as checkboxes. */
export function toServiceDraft(s: ServiceJson): ServiceDraft {
  return {
    name: s.name,
    redirectUris: s.redirectUris.join("\n"),
    postLogoutRedirectUris: s.postLogoutRedirectUris.join("\n"),
    backchannelLogoutUri: s.backchannelLogoutUri ?? "",
    confidential: s.tokenEndpointAuthMethod !== "none",
    clientCredentials: s.grantTypes.includes("client_credentials"),
    refreshTokens: s.grantTypes.includes("refresh_token"),
    scopes: [...s.scopes],
    allMembers: s.policy.memberIds === null,
    memberIds: s.policy.memberIds ?? [],
    roles: s.policy.roles === null || s.policy.roles.length !== 1 ? "" : (s.policy.roles[0] ?? ""),
    groups: (s.policy.groups ?? []).join(", "),
    requiredAcr: s.requiredAcr ?? "",
    pkceExempt: s.pkceExempt,
    enabled: s.enabled,
  };
}

/**
 * What the API expects of the form: URI lists split by line, client credentials only for a
 * confidential client, a null policy part for "everyone", empty text as null.
 */
export function toServiceBody(d: ServiceDraft) {
  const groups = d.groups
    .split(",")
    .map((g) => g.trim())
    .filter((g) => g !== "");
  return {
    name: d.name,
    redirectUris: lines(d.redirectUris),
    postLogoutRedirectUris: lines(d.postLogoutRedirectUris),
    backchannelLogoutUri: d.backchannelLogoutUri.trim() === "" ? null : d.backchannelLogoutUri.trim(),
    grantTypes: [
      "authorization_code",
      ...(d.refreshTokens ? ["refresh_token"] : []),
      ...(d.clientCredentials && d.confidential ? ["client_credentials"] : []),
    ],
    tokenEndpointAuthMethod: d.confidential ? "client_secret_basic" : "none",
    scopes: d.scopes,
    policy: {
      memberIds: d.allMembers ? null : d.memberIds,
      roles: d.roles === "" ? null : [d.roles],
      groups: groups.length === 0 ? null : groups,
    },
    requiredAcr: d.requiredAcr === "" ? null : d.requiredAcr,
    pkceExempt: d.pkceExempt && d.confidential,
    enabled: d.enabled,
  };
}
