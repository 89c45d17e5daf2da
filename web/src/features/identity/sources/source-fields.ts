import type { Translate } from "../../../shared/i18n/translate.ts";
import type { FormField } from "../components/form-problems.ts";
import type { SourceDraft } from "./source-draft.ts";

/** Text inputs of the form (`source-<key>`) and the body path each fills. */
export const TEXT_PATHS = {
  label: "label",
  url: "ldap.url",
  bindDn: "ldap.bindDn",
  searchBase: "ldap.searchBase",
  searchFilter: "ldap.searchFilter",
  idAttribute: "ldap.idAttribute",
  timeoutSeconds: "ldap.timeoutSeconds",
  tlsCaPem: "ldap.tlsCaPem",
  issuer: "oidc.issuer",
  clientId: "oidc.clientId",
  scopes: "oidc.scopes",
  idpEntityId: "saml.idpEntityId",
  ssoUrl: "saml.ssoUrl",
  sloUrl: "saml.sloUrl",
  idpCertificates: "saml.idpCertificates",
  clockSkewSeconds: "saml.clockSkewSeconds",
  samlIdAttribute: "saml.idAttribute",
  givenName: "mapping.givenName",
  familyName: "mapping.familyName",
  usualName: "mapping.usualName",
  email: "mapping.email",
  uid: "mapping.uid",
  groups: "mapping.groups",
  roleAttribute: "mapping.role.attribute",
  eluValues: "mapping.role.eluValues",
} as const;
/** A text input of the source form. */
export type TextKey = keyof typeof TEXT_PATHS;

/** The inputs of the form for a source of `kind` and the body paths they fill. */
export function sourceFields(t: Translate, kind: SourceDraft["kind"]): FormField[] {
  const f = (key: string) => t(`identity.sources.fields.${key}` as "identity.sources.fields.label");
  return [
    ...Object.entries(TEXT_PATHS).map(([key, path]) => ({ id: `source-${key}`, label: f(key), path })),
    { id: "source-kind", label: t("identity.sources.kind"), path: "kind" },
    { id: "source-member", label: t("identity.member"), path: "memberId" },
    { id: "source-enabled", label: f("enabled"), path: "enabled" },
    { id: "source-secret", label: f(kind === "ldap" ? "bindPassword" : "clientSecret"), path: "secret" },
    { id: "source-startTls", label: f("startTls"), path: "ldap.startTls" },
    { id: "source-idEncoding", label: f("idEncoding"), path: "ldap.idEncoding" },
    { id: "source-roleMode", label: f("roleMode"), path: "mapping.role" },
    { id: "source-fixedRole", label: t("identity.role"), path: "mapping.role.fixed" },
  ];
}
