/**
 * RFC 8176 amr values for a SAML AuthnContextClassRef (SAML Authn Context §3.4): password classes
 * → `pwd`; TimeSyncToken → `otp`; Smartcard, SmartcardPKI → `sc`; MobileTwoFactor* → `mfa`;
 * any other class → none (the class itself is still given as acr).
 */
export function amrOfAuthnContext(classRef: string | null): string[] {
  if (classRef === null) return [];
  const name = classRef.slice(classRef.lastIndexOf(":") + 1);
  if (name === "Password" || name === "PasswordProtectedTransport") return ["pwd"];
  if (name === "TimeSyncToken") return ["otp"];
  if (name === "Smartcard" || name === "SmartcardPKI") return ["sc"];
  if (name.startsWith("MobileTwoFactor")) return ["mfa"];
  return [];
}
