import type { RedirectKind } from "./sign-in-step.ts";

/** The path of the upstream callback of a source (the OIDC redirect_uri, the SAML ACS URL). */
export function upstreamCallbackPath(kind: RedirectKind, sourceId: string): string {
  return `/interaction/callback/${kind}/${encodeURIComponent(sourceId)}`;
}

/** The absolute callback URL of a source at Entente's public URL. */
export function upstreamCallbackUrl(publicUrl: string, kind: RedirectKind, sourceId: string): string {
  return new URL(upstreamCallbackPath(kind, sourceId), publicUrl).toString();
}
