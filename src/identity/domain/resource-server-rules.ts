import { serviceUriProblem } from "../../shared/uri-rules.ts";
import { EntenteError, type Localized, localized } from "../errors.ts";
import type { ResourceServerDraft, ResourceServerInput } from "./resource-server.ts";
import { ACCESS_TOKEN_TTL_BOUNDS } from "./resource-server-limits.ts";

/**
 * Rules a resource server registration follows before it is stored. Pure: the registry
 * (src/identity/app/resource-server-registry.ts) applies them on every create and update.
 */

/** Longest name, in characters. */
export const MAX_RESOURCE_SERVER_NAME_LENGTH = 100;
/** Most scopes a server may declare. */
export const MAX_RESOURCE_SERVER_SCOPES = 20;
/**
 * A scope: RFC 6749 §3.3's scope-token narrowed to what tools print and parse safely (letters,
 * digits, `_ . : / -`), 1 to 64 characters.
 */
const SCOPE_TOKEN = /^[A-Za-z0-9_.:/-]{1,64}$/;
/** Scopes of the sign-in itself, not of a resource (OIDC Core §3.1.2.1, §11). */
const SIGN_IN_SCOPES = ["openid", "offline_access"];

function invalid(field: string, expected: Localized): never {
  throw new EntenteError("identity.resource_server_invalid", { field, expected });
}

/**
 * Validates a resource server registration; returns it with its name trimmed.
 * - `audience`: absolute, https (http only towards the machine itself: 127.0.0.1, [::1],
 *   localhost), no fragment (RFC 8707 §2 MUST), no query (RFC 8707 §2 SHOULD NOT, refused here
 *   so that the identifier is one exact string), no wildcard, no userinfo;
 * - `scopes`: 1 to 20 scope tokens without duplicates, never `openid` nor `offline_access`;
 * - `tokenFormat` `opaque` | `jwt`; `jwtType` `at+jwt` | `JWT`, and `JWT` only with `jwt`;
 * - `accessTokenTtlSeconds`: an integer within `ACCESS_TOKEN_TTL_BOUNDS` (a retired signing key
 *   stays published that long after its last token, src/identity/oidc/token-lifetimes.ts).
 * @throws EntenteError `identity.resource_server_invalid` naming the first field in error.
 */
export function validateResourceServer(draft: ResourceServerDraft): ResourceServerInput {
  const name = checkName(draft.name);
  checkAudience(draft.audience);
  checkScopes(draft.scopes);
  const tokenFormat = oneOf("tokenFormat", draft.tokenFormat, ["opaque", "jwt"] as const);
  const jwtType = oneOf("jwtType", draft.jwtType, ["at+jwt", "JWT"] as const);
  if (jwtType === "JWT" && tokenFormat !== "jwt") {
    invalid("jwtType", localized("at+jwt pour des jetons opaques", "at+jwt for opaque tokens"));
  }
  checkTtl(draft.accessTokenTtlSeconds);
  return { ...draft, name, tokenFormat, jwtType };
}

function checkName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > MAX_RESOURCE_SERVER_NAME_LENGTH) {
    invalid(
      "name",
      localized(
        `un nom de 1 à ${MAX_RESOURCE_SERVER_NAME_LENGTH} caractères`,
        `a name of 1 to ${MAX_RESOURCE_SERVER_NAME_LENGTH} characters`,
      ),
    );
  }
  return name;
}

function checkAudience(audience: string): void {
  const problem = serviceUriProblem(audience);
  if (problem !== null || audience.includes("?")) {
    invalid(
      "audience",
      localized(
        `une URI https:// exacte, sans requête « ? », fragment « # », joker ni identifiant (http:// seulement sur 127.0.0.1, [::1] ou localhost), reçu « ${audience.slice(0, 200)} »`,
        `an exact https:// URI without "?" query, "#" fragment, wildcard or user (http:// only on 127.0.0.1, [::1] or localhost), got "${audience.slice(0, 200)}"`,
      ),
    );
  }
}

function checkScopes(scopes: readonly string[]): void {
  if (scopes.length === 0 || scopes.length > MAX_RESOURCE_SERVER_SCOPES) {
    invalid(
      "scopes",
      localized(`de 1 à ${MAX_RESOURCE_SERVER_SCOPES} scopes`, `1 to ${MAX_RESOURCE_SERVER_SCOPES} scopes`),
    );
  }
  for (const [i, scope] of scopes.entries()) {
    if (!SCOPE_TOKEN.test(scope) || SIGN_IN_SCOPES.includes(scope)) {
      invalid(
        `scopes[${i}]`,
        localized(
          `un scope de 1 à 64 caractères parmi lettres, chiffres et _ . : / - (ni openid ni offline_access), reçu « ${scope.slice(0, 80)} »`,
          `a scope of 1 to 64 letters, digits or _ . : / - (neither openid nor offline_access), got "${scope.slice(0, 80)}"`,
        ),
      );
    }
  }
  if (new Set(scopes).size !== scopes.length) {
    invalid("scopes", localized("des scopes sans doublon", "scopes without duplicates"));
  }
}

function oneOf<T extends string>(field: string, value: string, known: readonly T[]): T {
  if (!(known as readonly string[]).includes(value)) {
    invalid(
      field,
      localized(
        `une valeur parmi ${known.join(", ")} (reçu « ${value.slice(0, 40)} »)`,
        `one of ${known.join(", ")} (got "${value.slice(0, 40)}")`,
      ),
    );
  }
  return value as T;
}

function checkTtl(seconds: number): void {
  const { min, max } = ACCESS_TOKEN_TTL_BOUNDS;
  if (!Number.isInteger(seconds) || seconds < min || seconds > max) {
    invalid(
      "accessTokenTtlSeconds",
      localized(
        `un nombre entier de secondes de ${min} à ${max} (reçu ${seconds})`,
        `a whole number of seconds from ${min} to ${max} (got ${seconds})`,
      ),
    );
  }
}
