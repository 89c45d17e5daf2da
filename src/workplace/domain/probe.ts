import { localized } from "../../shared/errors.ts";
import { type Issue, ValidationError } from "../errors.ts";
import {
  DAMPING_MAX,
  DAMPING_MIN,
  type DampingSettings,
  DEFAULT_FAILURES_TO_DOWN,
  DEFAULT_SUCCESSES_TO_UP,
} from "./flap-damping.ts";

/**
 * The health probe of a catalogued service (issue 11 §6): where and how the hosting checks it.
 * The target is the only address ever probed (registered by the secretariat; no redirect is
 * followed, nothing user-supplied is fetched). Kinds:
 * - `http`: GET `target` (http or https URL); up when the status is within
 *   [expectStatusMin, expectStatusMax] and, when set, the body (first 64 KiB) contains `bodyContains`;
 * - `tcp`: a TCP connection to `target` (`host:port`) opens;
 * - `oidc`: GET `<target>/.well-known/openid-configuration` (OpenID Connect Discovery 1.0 §4)
 *   answers JSON whose `issuer` is exactly `target` (§4.3).
 */

export const PROBE_KINDS = ["http", "tcp", "oidc"] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

export interface ProbeFields extends DampingSettings {
  readonly kind: ProbeKind;
  readonly target: string;
  readonly expectStatusMin: number;
  readonly expectStatusMax: number;
  readonly bodyContains: string | null;
  /** Longest wait for an answer, in milliseconds (100 to 30 000). */
  readonly timeoutMs: number;
  /** Time between two probes, in seconds (10 to 86 400). */
  readonly intervalSeconds: number;
}

export interface Probe extends ProbeFields {
  readonly clientId: string;
  readonly ententeId: string;
  readonly nextDueAt: Date;
  readonly rowVersion: number;
}

/** What the console sends, before `validateProbeFields`. */
export interface ProbeDraft {
  readonly kind: string;
  readonly target: string;
  readonly expectStatusMin?: number | undefined;
  readonly expectStatusMax?: number | undefined;
  readonly bodyContains?: string | null | undefined;
  readonly timeoutMs: number;
  readonly intervalSeconds: number;
  /** Default 2 (domain/flap-damping.ts). */
  readonly failuresToDown?: number | undefined;
  /** Default 2. */
  readonly successesToUp?: number | undefined;
}

const issue = (field: string, fr: string, en: string): Issue => ({
  code: "workplace.probe_invalid",
  path: [field],
  details: { field, expected: localized(fr, en) },
});

const inRange = (value: number | undefined, min: number, max: number) =>
  value !== undefined && Number.isSafeInteger(value) && value >= min && value <= max;

/** `host:port` of a TCP target (host a name, IPv4 or [IPv6]), or null when malformed. */
export function parseTcpTarget(target: string): { readonly host: string; readonly port: number } | null {
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(target);
  if (match === null) return null;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return null;
  const host = match[1] as string;
  return { host: host.startsWith("[") ? host.slice(1, -1) : host, port };
}

function targetIssue(kind: ProbeKind, target: string): Issue | null {
  if (kind === "tcp") {
    return parseTcpTarget(target) === null
      ? issue("target", "hôte:port (port de 1 à 65535)", "host:port (port 1 to 65535)")
      : null;
  }
  const url = target.length <= 2000 ? URL.parse(target) : null;
  if (url === null || (url.protocol !== "https:" && url.protocol !== "http:")) {
    return issue("target", "une URL absolue http:// ou https://", "an absolute http:// or https:// URL");
  }
  if (url.username !== "" || url.password !== "") {
    return issue(
      "target",
      "une URL sans utilisateur:mot-de-passe@ (pas d'identifiants dans une URL)",
      "a URL without user:password@ (no credentials in a URL)",
    );
  }
  if (url.hash !== "") return issue("target", "une URL sans #fragment", "a URL without #fragment");
  if (kind === "oidc" && (url.search !== "" || target.endsWith("/"))) {
    return issue(
      "target",
      "l'URL de l'émetteur, sans paramètres ni / final (https://idp.example/realm)",
      "the issuer URL, without query nor trailing / (https://idp.example/realm)",
    );
  }
  return null;
}

/**
 * Checks a probe's fields; every problem is reported at once. Status bounds default to 200–399;
 * the flap damping to 2 failures to turn down and 2 successes to come back (1 to 10 each).
 * @throws ValidationError with one `workplace.probe_invalid` issue per wrong field.
 */
export function validateProbeFields(draft: ProbeDraft): ProbeFields {
  const issues: Issue[] = [];
  const kind = PROBE_KINDS.find((k) => k === draft.kind);
  if (kind === undefined)
    issues.push(
      issue("kind", `l'une des valeurs ${PROBE_KINDS.join(", ")}`, `one of ${PROBE_KINDS.join(", ")}`),
    );
  else {
    const found = targetIssue(kind, draft.target);
    if (found !== null) issues.push(found);
  }
  const min = draft.expectStatusMin ?? 200;
  const max = draft.expectStatusMax ?? 399;
  if (!inRange(min, 100, 599))
    issues.push(issue("expectStatusMin", "un statut HTTP de 100 à 599", "an HTTP status from 100 to 599"));
  if (!inRange(max, min, 599))
    issues.push(
      issue("expectStatusMax", `un statut HTTP de ${min} à 599`, `an HTTP status from ${min} to 599`),
    );
  const body = draft.bodyContains ?? null;
  if (body !== null && (body.length === 0 || body.length > 200)) {
    issues.push(
      issue(
        "bodyContains",
        "null, ou un texte de 1 à 200 caractères",
        "null, or a text of 1 to 200 characters",
      ),
    );
  }
  if (!inRange(draft.timeoutMs, 100, 30_000))
    issues.push(issue("timeoutMs", "des millisecondes de 100 à 30000", "milliseconds from 100 to 30000"));
  if (!inRange(draft.intervalSeconds, 10, 86_400)) {
    issues.push(issue("intervalSeconds", "des secondes de 10 à 86400", "seconds from 10 to 86400"));
  }
  const failuresToDown = draft.failuresToDown ?? DEFAULT_FAILURES_TO_DOWN;
  const successesToUp = draft.successesToUp ?? DEFAULT_SUCCESSES_TO_UP;
  for (const [field, value] of [
    ["failuresToDown", failuresToDown],
    ["successesToUp", successesToUp],
  ] as const) {
    if (!inRange(value, DAMPING_MIN, DAMPING_MAX)) {
      const range = `${DAMPING_MIN} à ${DAMPING_MAX}`;
      issues.push(
        issue(
          field,
          `un nombre entier de résultats consécutifs de ${range}`,
          `a whole number of consecutive results from ${DAMPING_MIN} to ${DAMPING_MAX}`,
        ),
      );
    }
  }
  if (kind === undefined || issues.length > 0) throw new ValidationError(issues);
  return {
    kind,
    target: draft.target,
    expectStatusMin: min,
    expectStatusMax: max,
    bodyContains: body,
    timeoutMs: draft.timeoutMs,
    intervalSeconds: draft.intervalSeconds,
    failuresToDown,
    successesToUp,
  };
}
