import type Provider from "oidc-provider";

/**
 * A code redeemed with a wrong (or missing) PKCE verifier is used up, like any redeemed code.
 * oidc-provider 9 checks PKCE before it consumes the code, so a refused redemption leaves the code
 * valid until it expires: whoever stole it could try verifiers one after the other. RFC 6749
 * §4.1.2 makes a code single-use ("The client MUST NOT use the authorization code more than
 * once"), and RFC 7636 §4.6 answers `invalid_grant` to a verifier that does not match: here a
 * failed attempt consumes the code, so that a later attempt — the right verifier included — is a
 * reuse, refused, and the library then revokes what the code's grant gave (§4.1.2, "SHOULD
 * revoke"). The code is consumed before the answer is sent.
 * No library option does this (checked: oidc-provider 9's `authorization_code` grant); the
 * library's `grant.error` event names the failure, a middleware waits for the consumption.
 */
export function consumeCodeOnPkceFailure(provider: Provider): void {
  const failed = new WeakMap<object, string>();
  provider.on("grant.error", (ctx, error) => {
    const code = ctx.oidc?.params?.code;
    if (
      ctx.oidc?.params?.grant_type === "authorization_code" &&
      typeof code === "string" &&
      isPkceFailure(error)
    ) {
      failed.set(ctx, code);
    }
  });
  provider.use(async (ctx, next) => {
    await next();
    const code = failed.get(ctx);
    if (code === undefined) return;
    const found = await provider.AuthorizationCode.find(code, { ignoreExpiration: true });
    // PKCE is checked after the code's client is: a failure is always the code's own client's.
    const consumed = (found as { consumed?: unknown } | undefined)?.consumed;
    if (found !== undefined && !consumed && found.clientId === ctx.oidc?.client?.clientId) {
      await found.consume();
    }
  });
}

/** The library's `InvalidGrant` thrown by its PKCE check: its cause names the verifier. */
function isPkceFailure(error: unknown): boolean {
  const { error: code, cause } = error as { error?: string; cause?: { message?: string } };
  return code === "invalid_grant" && /code_verifier/.test(cause?.message ?? "");
}
