import type { Translate } from "../../../shared/i18n/translate.ts";
import type { FormField } from "../components/form-problems.ts";

/** The inputs of the form and the body paths they fill (errors go next to them, the summary links to them). */
export function serviceFields(t: Translate): FormField[] {
  const s = (key: string) => t(`identity.services.${key}` as "identity.services.name");
  return [
    { id: "service-name", label: s("name"), path: "name" },
    { id: "service-redirects", label: s("redirectUris"), path: "redirectUris" },
    { id: "service-logout-redirects", label: s("postLogoutRedirectUris"), path: "postLogoutRedirectUris" },
    { id: "service-backchannel", label: s("backchannelLogoutUri"), path: "backchannelLogoutUri" },
    { id: "service-confidential", label: s("confidential"), path: "tokenEndpointAuthMethod" },
    { id: "service-refresh", label: s("grantTypes"), path: "grantTypes" },
    { id: "service-pkce-exempt", label: s("pkceExempt"), path: "pkceExempt" },
    { id: "service-enabled", label: s("enabled"), path: "enabled" },
    { id: "service-scope-openid", label: s("claims"), path: "scopes" },
    { id: "service-acr", label: s("acr"), path: "requiredAcr" },
    { id: "service-all-members", label: s("members"), path: "policy.memberIds" },
    { id: "service-roles", label: s("roles"), path: "policy.roles" },
    { id: "service-groups", label: s("groups"), path: "policy.groups" },
  ];
}
