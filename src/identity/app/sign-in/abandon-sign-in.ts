import type { InteractionExchange } from "../ports.ts";
import type { SignInContext } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/**
 * The person goes back to the service without signing in (the "back to the service" button):
 * the sign-in is done; it is recorded (`sign_in_failed`, no code, `abandoned`) unless a refusal
 * was already recorded; the interaction ends with `access_denied` for the service, described as
 * `identity.service_refused` after a refusal.
 * @returns where to send the browser (303): the service's redirect URI with the error.
 */
export async function abandonSignIn(
  kit: StepKit,
  ctx: SignInContext,
  exchange: InteractionExchange,
): Promise<{ readonly redirectTo: string }> {
  const current = await kit.find(ctx);
  const refused = current?.step === "refused";
  if (current !== null) await kit.save(ctx, { ...current, step: "done" });
  if (!refused) {
    await kit.audit(ctx, "sign_in_failed", {
      sub: current?.sub ?? null,
      sourceId: current?.sourceId ?? null,
      details: { abandoned: true },
    });
  }
  return kit.deps.gateway.abort(exchange.req, exchange.res, {
    error: "access_denied",
    description: refused ? "identity.service_refused" : "the person went back to the service",
  });
}
