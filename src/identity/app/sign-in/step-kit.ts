import type { LoginThrottle, ThrottleSubject } from "../../../access/index.ts";
import type { TransientStore } from "../../../platform/db/transient-store.ts";
import type { Clock } from "../../../shared/clock.ts";
import type { IdentityEventKind } from "../../domain/identity-event.ts";
import type { SourceRecord } from "../../domain/identity-source.ts";
import type { ServiceClientRecord } from "../../domain/service-client.ts";
import { EntenteError } from "../../errors.ts";
import type { MfaService } from "../mfa-ports.ts";
import type {
  IdentityEventLog,
  IdentityRouting,
  InteractionGateway,
  PasswordConnector,
  PersonDirectory,
  RedirectConnector,
} from "../ports.ts";
import type { ServiceAccessPolicy } from "../service-access-port.ts";
import { type FlowState, findFlowState, loadFlowState, saveFlowState } from "../sign-in-state.ts";
import type { AuditOrigin, SignInContext } from "./sign-in-step.ts";

/** What the sign-in use cases need (the composition root passes the real adapters). */
export interface SignInFlowDeps {
  readonly routing: IdentityRouting;
  readonly people: PersonDirectory;
  readonly events: IdentityEventLog;
  readonly passwordConnectors: Readonly<Record<"ldap" | "local", PasswordConnector>>;
  readonly redirectConnectors: Readonly<Record<"oidc" | "saml", RedirectConnector>>;
  readonly mfa: MfaService;
  readonly throttle: LoginThrottle;
  readonly clock: Clock;
  /** The OpenID Provider's interactions (the services' registrations, the end of a sign-in). */
  readonly gateway: InteractionGateway;
  /** Holds each sign-in's state between pages (database or Redis). */
  readonly state: TransientStore;
  /** Public URL of Entente (`https://identite.entente.fr`), base of the upstream callback URLs. */
  readonly publicUrl: string;
  /** Another context's access policy (the workplace's subscriptions), registered at composition. */
  readonly serviceAccess?: ServiceAccessPolicy;
}

/** What an audit event says besides its kind, the time, the request and the service. */
export interface AuditFields {
  readonly ententeId?: string | null;
  readonly sub?: string | null;
  readonly memberId?: string | null;
  readonly sourceId?: string | null;
  readonly code?: string | null;
  readonly details?: Record<string, string | number | boolean | null>;
}

/** What every step of the sign-in uses: the dependencies, the sign-in's state, the audit log, lookups. */
export interface StepKit {
  readonly deps: SignInFlowDeps;
  /** The state as this request last read or wrote it. @throws `identity.interaction_expired`. */
  state(ctx: SignInContext): Promise<FlowState>;
  /** The state of the interaction, or null (nothing remembered when there is none). */
  find(ctx: SignInContext): Promise<FlowState | null>;
  save(origin: AuditOrigin, next: FlowState): Promise<FlowState>;
  audit(origin: AuditOrigin, kind: IdentityEventKind, fields: AuditFields): Promise<void>;
  /** Records a failure of the sign-in with its code, then rethrows it. */
  failed(origin: AuditOrigin, source: SourceRecord | null, error: unknown): Promise<never>;
  /** The service of the interaction. @throws `identity.not_found`. */
  serviceOf(ctx: SignInContext): Promise<ServiceClientRecord>;
  /** An enabled source. @throws `identity.source_not_found`, `identity.source_disabled`. */
  sourceOf(sourceId: string | null): Promise<SourceRecord>;
  /** @throws `identity.too_many_attempts` while `subject` must wait. */
  ensureNotThrottled(subject: ThrottleSubject): Promise<void>;
}

/**
 * The kit of one sign-in flow. A `SignInContext` is made once per HTTP request, so a page
 * (anti-CSRF check, use case, form token) reads the state from the store once: the kit keeps
 * what this request last read or wrote.
 */
export function createStepKit(deps: SignInFlowDeps): StepKit {
  const known = new WeakMap<AuditOrigin, FlowState>();
  const audit: StepKit["audit"] = async (origin, kind, fields) => {
    await deps.events.record({
      kind,
      at: deps.clock.now(),
      ententeId: fields.ententeId ?? null,
      sub: fields.sub ?? null,
      memberId: fields.memberId ?? null,
      clientId: "details" in origin ? origin.details.clientId : null,
      sourceId: fields.sourceId ?? null,
      code: fields.code ?? null,
      requestId: origin.requestId,
      ip: origin.ip,
      details: fields.details ?? {},
    });
  };
  return {
    deps,
    audit,
    async state(ctx) {
      const loaded = known.get(ctx) ?? (await loadFlowState(deps.state, ctx.details.uid));
      known.set(ctx, loaded);
      return loaded;
    },
    async find(ctx) {
      const found = known.get(ctx) ?? (await findFlowState(deps.state, ctx.details.uid));
      if (found !== null) known.set(ctx, found);
      return found;
    },
    async save(origin, next) {
      await saveFlowState(deps.state, next);
      known.set(origin, next);
      return next;
    },
    async failed(origin, source, error) {
      const code = error instanceof EntenteError ? error.code : "server.internal";
      await audit(origin, code === "identity.email_domain_not_owned" ? "sign_in_refused" : "sign_in_failed", {
        ententeId: source?.ententeId ?? null,
        memberId: source?.memberId ?? null,
        sourceId: source?.id ?? null,
        code,
      });
      throw error;
    },
    async serviceOf(ctx) {
      const client = await deps.gateway.client(ctx.details.clientId);
      if (client === null)
        throw new EntenteError("identity.not_found", { what: "service", id: ctx.details.clientId });
      return client;
    },
    async sourceOf(sourceId) {
      const source = sourceId === null ? null : await deps.routing.findSource(sourceId);
      if (source === null) throw new EntenteError("identity.source_not_found", { id: sourceId ?? "?" });
      if (!source.enabled) throw new EntenteError("identity.source_disabled", { source: source.label });
      return source;
    },
    async ensureNotThrottled(subject) {
      const wait = await deps.throttle.secondsToWait(subject, deps.clock.now());
      if (wait > 0) throw new EntenteError("identity.too_many_attempts", { minutes: Math.ceil(wait / 60) });
    },
  };
}
