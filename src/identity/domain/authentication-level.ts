/**
 * How strong a sign-in is, and how strong a service needs it (OpenID Connect Core §2 `acr` and
 * `amr`, §3.1.2.1 `acr_values`; RFC 8176 for the methods; NIST SP 800-63B §5.1 for the factors).
 * The one place that decides whether a second factor is needed: the sign-in flow, the provider's
 * single sign-on check and the interaction details all ask `needsStrongerAuthentication`.
 */

/** One factor (a password, or whatever one factor the source used). */
export const ACR_ONE_FACTOR = "urn:entente:acr:1fa";
/** Two factors of different kinds (a password and a TOTP code or a security key…). */
export const ACR_TWO_FACTORS = "urn:entente:acr:2fa";
/** The authentication context classes of Entente, weakest first (the provider's `acrValues`). */
export const ACR_VALUES: readonly string[] = [ACR_ONE_FACTOR, ACR_TWO_FACTORS];

/** Strength of each acr of Entente (higher is stronger); unknown values rank 0. */
export const ACR_RANK: Readonly<Record<string, number>> = { [ACR_ONE_FACTOR]: 1, [ACR_TWO_FACTORS]: 2 };

/**
 * The acr a request needs (OIDC Core §3.1.2.1 `acr_values`): the service's registered
 * `requiredAcr`, else the strongest known value of `acr_values`, else one factor.
 * @example requiredAcrOf(null, "urn:other urn:entente:acr:2fa") // "urn:entente:acr:2fa"
 */
export function requiredAcrOf(registered: string | null, acrValues: string | undefined): string {
  if (registered !== null) return registered;
  const asked = (acrValues ?? "").split(" ").filter((v) => ACR_RANK[v] !== undefined);
  return asked.sort((a, b) => (ACR_RANK[b] ?? 0) - (ACR_RANK[a] ?? 0))[0] ?? ACR_ONE_FACTOR;
}

/**
 * The acr a sign-in page must reach: two factors when the request (`requestedAcr`, see
 * `requiredAcrOf`) or the service's registration asks for them, else what the request asked.
 */
export function neededAcrOf(requestedAcr: string, registeredAcr: string | null): string {
  return requestedAcr === ACR_TWO_FACTORS || registeredAcr === ACR_TWO_FACTORS
    ? ACR_TWO_FACTORS
    : requestedAcr;
}

/**
 * Whether an authentication of strength `provenAcr` (null: none known) falls short of
 * `neededAcr`: then the person must authenticate again, with a second factor when two are
 * needed. An unknown needed value counts as one factor; an unknown proven value as nothing.
 * @example needsStrongerAuthentication(ACR_TWO_FACTORS, ACR_ONE_FACTOR) // true
 */
export function needsStrongerAuthentication(neededAcr: string, provenAcr: string | null): boolean {
  return (ACR_RANK[provenAcr ?? ""] ?? 0) < (ACR_RANK[neededAcr] ?? 1);
}

/**
 * Authentication method references (RFC 8176 §2) grouped by factor (NIST SP 800-63B §5.1):
 * something known, something held, something one is. `mfa` says by itself that several were used.
 */
const FACTOR_OF: Readonly<Record<string, "know" | "have" | "are">> = {
  pwd: "know",
  pin: "know",
  kba: "know",
  otp: "have",
  hwk: "have",
  swk: "have",
  sms: "have",
  tel: "have",
  sc: "have",
  fpt: "are",
  face: "are",
  iris: "are",
  retina: "are",
  vbm: "are",
  pop: "have",
};

/**
 * Whether an `amr` list proves two factors: `mfa`, or methods of two different factors
 * (`["pwd", "otp"]` yes; `["otp", "hwk"]` no: both are something held).
 * @example hasTwoFactors(["pwd", "hwk"]) // true
 */
export function hasTwoFactors(amr: readonly string[]): boolean {
  if (amr.includes("mfa")) return true;
  const factors = new Set(
    amr.flatMap((method) => (FACTOR_OF[method] === undefined ? [] : [FACTOR_OF[method]])),
  );
  return factors.size >= 2;
}

/** The acr a list of methods proves: two factors or one. @example acrOfMethods(["pwd"]) // ACR_ONE_FACTOR */
export function acrOfMethods(amr: readonly string[]): string {
  return hasTwoFactors(amr) ? ACR_TWO_FACTORS : ACR_ONE_FACTOR;
}

/** `amr` plus the methods given, each once, in order. @example addMethods(["pwd"], "otp", "mfa") // ["pwd", "otp", "mfa"] */
export function addMethods(amr: readonly string[], ...methods: string[]): string[] {
  return [...new Set([...amr, ...methods])];
}
