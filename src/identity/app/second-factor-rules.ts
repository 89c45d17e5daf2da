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

/** `amr` plus the methods given, each once, in order. */
export function addMethods(amr: readonly string[], ...methods: string[]): string[] {
  return [...new Set([...amr, ...methods])];
}
