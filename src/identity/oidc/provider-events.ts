import type { IncomingMessage } from "node:http";
import type Provider from "oidc-provider";
import type { IdentityEvent } from "../domain/identity-event.ts";

/** An audit event without what the listeners do not know (time added by the recorder, the rest null). */
export type ProviderEvent = Omit<IdentityEvent, "at" | "memberId" | "sourceId" | "code" | "ip"> &
  Partial<IdentityEvent>;

const ententeOf = (client: unknown) => (client as { entente_id?: string } | undefined)?.entente_id ?? null;

/**
 * Audits what happens inside the provider (issue 4 audits sign-ins, refusals and logouts):
 * tokens issued to people (codes exchanged, refreshes — not client credentials: no person signs
 * in, and a service asking a token per call would flood the log), logouts, failed back-channel
 * deliveries; errors that reach no response go to `onError`. `record` must not make the
 * request wait (it does not return a promise).
 */
export function auditProviderEvents(
  provider: Provider,
  deps: {
    readonly record: (event: ProviderEvent) => void;
    readonly requestIdOf: (req: IncomingMessage) => string;
    readonly onError: (error: unknown) => void;
  },
): void {
  const { record, requestIdOf, onError } = deps;
  provider.on("grant.success", (ctx) => {
    if (ctx.oidc.params?.grant_type === "client_credentials") return;
    record({
      kind: "token_issued",
      ententeId: ententeOf(ctx.oidc.client),
      sub: ctx.oidc.account?.accountId ?? null,
      clientId: ctx.oidc.client?.clientId ?? null,
      requestId: requestIdOf(ctx.req),
      ip: ctx.ip,
      details: { grant_type: String(ctx.oidc.params?.grant_type ?? "") },
    });
  });
  provider.on("end_session.success", (ctx) => {
    record({
      kind: "logout",
      ententeId: ententeOf(ctx.oidc.client),
      sub: ctx.oidc.session?.accountId ?? null,
      clientId: ctx.oidc.client?.clientId ?? null,
      requestId: requestIdOf(ctx.req),
      ip: ctx.ip,
      details: {},
    });
  });
  provider.on("backchannel.error", (ctx, error, client, accountId) => {
    onError(error);
    record({
      kind: "logout",
      ententeId: ententeOf(client),
      sub: accountId,
      clientId: client.clientId,
      requestId: requestIdOf(ctx.req),
      details: { backchannel: "failed", reason: error.message },
    });
  });
  provider.on("server_error", (_ctx, error) => onError(error));
}
