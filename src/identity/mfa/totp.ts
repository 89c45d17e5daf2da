import { generateSecret, generateURI, verify } from "otplib";

/** RFC 6238 parameters that every authenticator app understands: SHA-1, 6 digits, 30 s steps. */
export const TOTP_PERIOD_SECONDS = 30;
/** Codes of the previous and next step are accepted too (clock drift of the phone, RFC 6238 §5.2). */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

/** A new secret: 20 random bytes (160 bits, RFC 4226 §4 recommends it), base32. */
export function createTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The `otpauth://totp/…` URI apps scan (Key Uri Format of Google Authenticator). */
export function totpUri(secret: string, issuer: string, accountName: string): string {
  return generateURI({
    issuer,
    label: accountName,
    secret,
    period: TOTP_PERIOD_SECONDS,
    digits: 6,
    algorithm: "sha1",
  });
}

/**
 * Checks `code` at time `at` within ±1 step (RFC 6238 §5.2), refusing any step at or before
 * `afterTimeStep` (a code used once is refused again: RFC 6238 §5.2 "MUST NOT accept the second
 * attempt of the same OTP").
 * @returns the accepted time step (floor(unix seconds / 30)), or null.
 */
export async function checkTotp(
  secret: string,
  code: string,
  at: Date,
  afterTimeStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(at.getTime() / 1000),
      period: TOTP_PERIOD_SECONDS,
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterTimeStep === null ? {} : { afterTimeStep }),
    });
    // The TOTP strategy's result carries the matched step (otplib types it as TOTP | HOTP result).
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    // otplib throws on a malformed secret or an out-of-range option; neither signs anyone in.
    return null;
  }
}
